// A run's summary as it changes outside a list's own fetch (a label, a pin, a delete): put into, or
// taken out of, every cached list of runs at once. No client here, so the event handlers
// (runEvents.ts) and their tests can use it.
import type { QueryClient } from '@tanstack/react-query';
import type { RunDetail, RunOverview, RunSummary } from '../../shared/runs';
import { queryKeys } from './queryKeys';

/** The run's new summary in every cached list and in its cached detail. */
export function rememberRun(queryClient: QueryClient, summary: RunSummary): void {
  queryClient.setQueryData<RunOverview[]>(queryKeys.runsOverview, (list) =>
    list?.map((entry) => (entry.run.runId === summary.runId ? { ...entry, run: summary } : entry)),
  );
  queryClient.setQueriesData<RunSummary[]>({ queryKey: ['runs'] }, (list) => list?.map((run) => (run.runId === summary.runId ? summary : run)));
  queryClient.setQueryData<RunDetail>(queryKeys.run(summary.runId), (detail) => (detail ? { ...detail, summary } : detail));
}

/** Deleted runs leave every cached list at once (the review of one, if open, keeps what it has). */
export function forgetRuns(queryClient: QueryClient, runIds: readonly string[]): void {
  if (runIds.length === 0) return;
  const gone = new Set(runIds);
  queryClient.setQueryData<RunOverview[]>(queryKeys.runsOverview, (list) => list?.filter((entry) => !gone.has(entry.run.runId)));
  queryClient.setQueriesData<RunSummary[]>({ queryKey: ['runs'] }, (list) => list?.filter((run) => !gone.has(run.runId)));
}

