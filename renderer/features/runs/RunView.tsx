import { useCallback, useState } from 'react';
import { WorkbenchError } from '../../../shared/errors';
import type { PromptDetail } from '../../../shared/prompts';
import type { RunDetail } from '../../../shared/runs';
import { useRun } from '../../api/runQueries';
import { hrefFor, promptRoute } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { CellPanel } from './CellPanel';
import { RunGrid } from './RunGrid';
import { RunHeader } from './RunHeader';
import { RunProgressBar } from './RunProgressBar';
import { StopReasonBanner } from './StopReasonBanner';
import { useRunGrid } from './useRunGrid';
import './runView.css';

/** One run, live: progress, actions, and the grid of cells filling in as samples arrive. */
export function RunView({ prompt, runId }: { prompt: PromptDetail; runId: string }) {
  const run = useRun(runId);
  if (run.data) return <RunPage prompt={prompt} run={run.data} />;
  if (run.isPending) {
    return (
      <div className="run-view" role="status" aria-label="Loading run">
        <Skeleton width={260} height={22} />
        <Skeleton width="100%" height={40} />
        <Skeleton width="100%" height={260} />
      </div>
    );
  }
  const gone = run.error instanceof WorkbenchError && run.error.code === 'NOT_FOUND';
  return (
    <div className="run-view">
      <ErrorState title={gone ? 'No such run' : 'Couldn’t open the run'} error={run.error} onRetry={() => void run.refetch()} retrying={run.isFetching} />
      <a className="text-link run-view__back-alone" href={hrefFor(promptRoute(prompt.name, 'runs'))}>
        All runs of {prompt.name}
      </a>
    </div>
  );
}

function RunPage({ prompt, run }: { prompt: PromptDetail; run: RunDetail }) {
  const [selected, setSelected] = useState<string | null>(null);
  const grid = useRunGrid(run);
  const select = useCallback((key: string) => setSelected((current) => (current === key ? null : key)), []);
  const close = useCallback(() => setSelected(null), []);
  const cell = selected ? grid.cells.get(selected) : undefined;

  return (
    <div className="run-view">
      <RunHeader prompt={prompt} run={run} />
      <StopReasonBanner summary={run.summary} />
      <RunProgressBar summary={run.summary} />
      <div className={`run-view__body${cell ? ' run-view__body--with-panel' : ''}`}>
        <RunGrid grid={grid} selected={selected} onSelect={select} samplesPerCell={run.summary.samplesPerCell} />
        {cell && <CellPanel cell={cell} onClose={close} />}
      </div>
    </div>
  );
}
