import { memo, useState, type ReactNode } from 'react';
import type { RunSummary } from '../../../shared/runs';
import { hrefFor, promptRoute } from '../../app/router';
import { ChevronRightIcon } from '../../components/icons';
import { RunStatusBadge } from '../../components/RunStatusBadge';
import { RunVersionLabel } from '../../components/RunVersionLabel';
import { plural } from '../../lib/labels';
import { exactTime, relativeTime } from '../../lib/relativeTime';
import { formatCost, formatTokens } from '../../lib/runFormat';

interface ReviewHeaderProps {
  summary: RunSummary;
  blind: boolean;
  /** The run's controls, running it again, its report and approval: other features', placed by the page. */
  actions: ReactNode;
}

/** Where the run sits (prompt › runs › this one), its state and actions, and what it sampled. Memoised: ratings do not touch it. */
export const ReviewHeader = memo(function ReviewHeader({ summary, blind, actions }: ReviewHeaderProps) {
  return (
    <header className="review-header">
      <nav className="review-header__crumbs" aria-label="Breadcrumb">
        <a className="text-link" href={hrefFor(promptRoute(summary.prompt))} title="Back to the prompt">
          {summary.prompt}
        </a>
        <ChevronRightIcon size={12} />
        <a className="text-link" href={hrefFor(promptRoute(summary.prompt, 'runs'))}>
          Runs
        </a>
        <ChevronRightIcon size={12} />
        <code className="selectable" title={summary.runId}>
          {summary.runId.slice(0, 12)}
        </code>
      </nav>
      <div className="review-header__title-row">
        {/* A run named on the Runs page goes by its name; the time it started moves to the facts below. */}
        <h1 className="review-header__title">
          {summary.label ?? (
            <>
              Run started <StartTime iso={summary.createdAt} />
            </>
          )}
        </h1>
        <RunStatusBadge status={summary.status} />
        <div className="review-header__actions">{actions}</div>
      </div>
      <p className="review-header__meta">
        <RunVersionLabel run={summary} />
        {summary.label && (
          <span>
            started <StartTime iso={summary.createdAt} />
          </span>
        )}
        {!blind && <span>{plural(summary.models.length, 'model')}</span>}
        {!blind && <span>temperatures {summary.temperatures.join(', ')}</span>}
        <span>{plural(summary.cases.length, 'case')}</span>
        <span>{plural(summary.samplesPerCell, 'sample')} per cell</span>
        <span>
          {formatTokens(summary.inputTokens)} in / {formatTokens(summary.outputTokens)} out
        </span>
        <span>{formatCost(summary.costUsd)}</span>
      </p>
    </header>
  );
});

/**
 * "just now", with the full date as its tooltip. The tooltip is made on first hover: the first
 * full date format of a session loads the time zone names, time the page should not spend before
 * the grid is up.
 */
function StartTime({ iso }: { iso: string }) {
  const [title, setTitle] = useState<string | undefined>(undefined);
  const explain = () => setTitle((current) => current ?? exactTime(iso));
  return (
    <time dateTime={iso} title={title} onPointerEnter={explain} onFocus={explain}>
      {relativeTime(iso)}
    </time>
  );
}
