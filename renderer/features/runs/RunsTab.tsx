import type { PromptDetail } from '../../../shared/prompts';
import type { RunSummary } from '../../../shared/runs';
import { useRuns } from '../../api/runQueries';
import { hrefFor, navigate, runRoute } from '../../app/router';
import { uiActions } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ActivityIcon, PinIcon, PlayIcon } from '../../components/icons';
import { Kbd } from '../../components/Kbd';
import { ModelChip } from '../../components/ModelChip';
import { RunStatusBadge } from '../../components/RunStatusBadge';
import { RunVersionLabel } from '../../components/RunVersionLabel';
import { Skeleton } from '../../components/Skeleton';
import { exactTime, relativeTime } from '../../lib/relativeTime';
import { formatCost } from '../../lib/runFormat';
import './runsTab.css';

/** Every run of the prompt, newest first; open one to see its grid. */
export function RunsTab({ prompt }: { prompt: PromptDetail }) {
  const runs = useRuns(prompt.name);
  if (runs.isPending) {
    return (
      <div className="runs-table card" role="status" aria-label="Loading runs">
        {[0, 1, 2].map((row) => (
          <div className="runs-table__skeleton" key={row}>
            <Skeleton width={70} height={18} />
            <Skeleton width="40%" height={11} />
            <Skeleton width="20%" height={11} />
          </div>
        ))}
      </div>
    );
  }
  if (runs.isError) {
    return <ErrorState title="Couldn’t list the runs" error={runs.error} onRetry={() => void runs.refetch()} retrying={runs.isFetching} />;
  }
  if (runs.data.length === 0) {
    return (
      <EmptyState
        icon={<ActivityIcon size={18} />}
        title="No runs yet"
        actions={
          <Button variant="primary" onClick={() => uiActions.openRunDialog(prompt.name)}>
            <PlayIcon size={13} />
            Run
          </Button>
        }
      >
        <p>
          A run samples this prompt many times across models, temperatures and cases, so you can see how much its answers
          vary. Press <Kbd>r</Kbd> or the Run button to start one.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="runs-table card">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Version</th>
            <th scope="col">Models</th>
            <th scope="col">Temperatures</th>
            <th scope="col" className="runs-table__number">
              N
            </th>
            <th scope="col" className="runs-table__number">
              OK / errors / total
            </th>
            <th scope="col" className="runs-table__number">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {newestFirst(runs.data).map((run) => (
            <RunRow key={run.runId} run={run} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RunRow({ run }: { run: RunSummary }) {
  const href = hrefFor(runRoute(run.prompt, run.runId));
  return (
    <tr className="runs-table__row" onClick={() => navigate(runRoute(run.prompt, run.runId))}>
      <td>
        {/* The link makes the row reachable by keyboard; the row click is a convenience for the mouse. */}
        <a href={href} className="runs-table__link" aria-label={`Run of ${relativeTime(run.createdAt)}, ${run.status}`} onClick={(event) => event.stopPropagation()}>
          <RunStatusBadge status={run.status} />
        </a>
      </td>
      <td>
        <time dateTime={run.createdAt} title={exactTime(run.createdAt)}>
          {relativeTime(run.createdAt)}
        </time>
      </td>
      <td>
        {/* Named and pinned on the Runs page (#/runs); shown here so the same run reads the same. */}
        {run.label && (
          <span className="runs-table__label" title={run.label}>
            {run.label}
          </span>
        )}
        {run.pinnedAt && (
          <span className="runs-table__pinned" title="Pinned on the Runs page">
            <PinIcon size={12} fill="currentColor" />
            <span className="visually-hidden">Pinned</span>
          </span>
        )}
        <RunVersionLabel run={run} />
      </td>
      <td>
        <span className="runs-table__models">
          {run.models.slice(0, 2).map((model) => (
            <ModelChip key={model} model={model} size="sm" />
          ))}
          {run.models.length > 2 && (
            <span className="runs-table__more" title={run.models.slice(2).join('\n')}>
              +{run.models.length - 2}
            </span>
          )}
        </span>
      </td>
      <td className="runs-table__temps">{run.temperatures.join(', ')}</td>
      <td className="runs-table__number">{run.samplesPerCell.toLocaleString()}</td>
      <td className="runs-table__number">
        <span className="runs-table__ok">{run.ok.toLocaleString()}</span>
        {' / '}
        <span className={run.errors > 0 ? 'runs-table__errors' : undefined}>{run.errors.toLocaleString()}</span>
        {' / '}
        {run.total.toLocaleString()}
      </td>
      <td className="runs-table__number">{formatCost(run.costUsd)}</td>
    </tr>
  );
}

function newestFirst(runs: readonly RunSummary[]): RunSummary[] {
  return [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
