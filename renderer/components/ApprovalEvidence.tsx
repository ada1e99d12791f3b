import type { Approval } from '../../shared/approvals';
import { hrefFor, reviewRoute } from '../app/router';
import { formatConsistency, formatRating } from '../lib/approvalEvidence';
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

/** The evidence an approved version was committed with, and the way back to its run. */
export function ApprovalEvidence({ approval }: { approval: Approval }) {
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
      <dl className="approval-evidence__figures">
        <div className="approval-fact">
          <dt>Mean rating</dt>
          <dd>
            <strong>{formatRating(approval.rating)}</strong>
            <span className="approval-fact__sub">{plural(approval.rated, 'rated sample')}</span>
          </dd>
        </div>
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
    </section>
  );
}
