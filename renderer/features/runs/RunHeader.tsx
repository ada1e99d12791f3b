import type { PromptDetail } from '../../../shared/prompts';
import type { RunDetail } from '../../../shared/runs';
import { hrefFor, promptRoute } from '../../app/router';
import { uiActions } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { ChevronRightIcon, PlayIcon } from '../../components/icons';
import { exactTime, relativeTime } from '../history/relativeTime';
import { plural } from '../prompts/labels';
import { RunActions } from './RunActions';
import { RunStatusBadge } from './RunStatusBadge';
import { formatCost, formatTokens } from './runFormat';

/** Where this run sits (prompt › runs › this one), what it sampled, and what can be done with it. */
export function RunHeader({ prompt, run }: { prompt: PromptDetail; run: RunDetail }) {
  const { summary } = run;
  return (
    <header className="run-header">
      <nav className="run-header__crumbs" aria-label="Breadcrumb">
        <a className="text-link" href={hrefFor(promptRoute(prompt.name, 'runs'))}>
          Runs
        </a>
        <ChevronRightIcon size={12} />
        <span className="selectable">
          <code>{summary.runId.slice(0, 12)}</code>
        </span>
      </nav>
      <div className="run-header__title-row">
        <h2 className="run-header__title">
          Run started{' '}
          <time dateTime={summary.createdAt} title={exactTime(summary.createdAt)}>
            {relativeTime(summary.createdAt)}
          </time>
        </h2>
        <RunStatusBadge status={summary.status} />
        <div className="run-header__actions">
          <RunActions summary={summary} />
          <Button variant="ghost" onClick={() => uiActions.openRunDialog(prompt.name, run.request)} title="Open the run dialog with these settings">
            <PlayIcon size={13} />
            Run again…
          </Button>
        </div>
      </div>
      <p className="run-header__meta">
        <span>{summary.commit ? <code title={summary.commit}>{summary.commit.slice(0, 7)}</code> : 'Draft'}</span>
        <span>{plural(summary.models.length, 'model')}</span>
        <span>temperatures {summary.temperatures.join(', ')}</span>
        <span>{plural(summary.cases.length, 'case')}</span>
        <span>{plural(summary.samplesPerCell, 'sample')} per cell</span>
        <span>
          {formatTokens(summary.inputTokens)} in / {formatTokens(summary.outputTokens)} out
        </span>
        <span>{formatCost(summary.costUsd)}</span>
      </p>
    </header>
  );
}
