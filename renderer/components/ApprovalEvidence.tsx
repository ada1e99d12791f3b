import type { Approval } from '../../shared/approvals';
import { hrefFor, reviewRoute } from '../app/router';
import { approvalLabel, formatConsistency, formatPassRateEvidence, formatRating } from '../lib/approvalEvidence';
import { plural } from '../lib/labels';
import { ApprovalBadge } from './ApprovalBadge';
import { ChevronRightIcon } from './icons';
import { ModelChip } from './ModelChip';
import './approvalEvidence.css';

/** One line for the versions list: the two figures an approval rests on. */
export function ApprovalSummaryLine({ approval }: { approval: Approval }) {
  return (
    <span className="approval-line">
      <span title="Mean rating (1–5) over the rated samples">
        <span className="approval-line__star" aria-hidden="true">★</span> {formatRating(approval.rating)}
        {approval.rating !== null && <span className="approval-line__count"> ({approval.rated})</span>}
      </span>
      <span aria-hidden="true">·</span>
      <span title="Mean consistency of the run’s cells: 0 all different, 1 all the same">consistency {formatConsistency(approval.consistency)}</span>
    </span>
  );
}

interface ApprovalEvidenceProps {
  approval: Approval;
  /** The version's own first line: the approval's message is shown when it says something else (an approval made as a tag). */
  versionSummary?: string;
  /** The version's other approvals, from other runs, newest first. */
  earlier?: readonly Approval[];
}

/** The evidence an approved version was committed or tagged with, and the way back to its run. */
export function ApprovalEvidence({ approval, versionSummary, earlier = [] }: ApprovalEvidenceProps) {
  const said = approval.message?.split('\n', 1)[0]?.trim();
  return (
    <section className="approval-evidence" aria-label="Approval evidence">
      <header className="approval-evidence__header">
        <ApprovalBadge approval={approval} />
        {approval.tag && <code className="approval-evidence__tag selectable">{approval.tag}</code>}
        <a className="text-link approval-evidence__run" href={hrefFor(reviewRoute(approval.runId))} title={`Open run ${approval.runId}`}>
          Open the run
          <ChevronRightIcon size={12} />
        </a>
      </header>
      {said && said !== versionSummary && (
        <p className="approval-evidence__message selectable" title="The approval’s message, kept in its tag">
          {said}
        </p>
      )}
      <dl className="approval-evidence__figures">
        <div className="approval-fact">
          <dt>Mean rating</dt>
          <dd>
            <strong>{formatRating(approval.rating)}</strong>
            <span className="approval-fact__sub">{plural(approval.rated, 'rated sample')}</span>
          </dd>
        </div>
        {approval.passRate && (
          <div className="approval-fact" title="Share of the run’s samples that passed every check, with its 95% interval (Wilson)">
            <dt>Pass rate</dt>
            <dd>
              <strong>{approval.passRate.rate === null ? 'none decided' : `${Math.round(approval.passRate.rate * 100)}%`}</strong>
              <span className="approval-fact__sub">{formatPassRateEvidence(approval.passRate)}</span>
            </dd>
          </div>
        )}
        <div className="approval-fact" title="Mean consistency of the run’s cells: 0 all different, 1 all the same">
          <dt>Consistency</dt>
          <dd>
            <strong>{formatConsistency(approval.consistency)}</strong>
          </dd>
        </div>
        <div className="approval-fact">
          <dt>Samples</dt>
          <dd>
            <strong>{approval.samples.toLocaleString('en-US')}</strong>
            <span className="approval-fact__sub">at {approval.temperatures.length === 1 ? 'temperature' : 'temperatures'} {approval.temperatures.join(', ')}</span>
          </dd>
        </div>
        <div className="approval-fact approval-fact--models">
          <dt>{approval.models.length === 1 ? 'Model' : 'Models'}</dt>
          <dd>
            {approval.models.map((model) => (
              <ModelChip key={model} model={model} size="sm" />
            ))}
          </dd>
        </div>
      </dl>
      {earlier.length > 0 && (
        <p className="approval-evidence__earlier">
          Approved before as{' '}
          {earlier.map((other, i) => (
            <span key={other.tag ?? other.runId}>
              {i > 0 && ', '}
              <a className="text-link" href={hrefFor(reviewRoute(other.runId))} title={`Open run ${other.runId}, the evidence of ${approvalLabel(other).toLowerCase()}`}>
                {approvalLabel(other).replace(/^Approved /, '') || 'an untagged approval'}
              </a>
              <span className="approval-evidence__earlier-figures"> (★ {formatRating(other.rating)})</span>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
