// Live runs: pushed events go straight into the cache. A batch of samples is merged into the run
// (never a refetch of thousands of samples per batch); only a change of status, which happens a
// couple of times per run, refetches the run and the lists, since a cancel or an end rewrites
// samples the batches never mention (pending ones become cancelled).
import type { QueryClient } from '@tanstack/react-query';
import type { WorkbenchClient } from '../../shared/api';
import type { RunDetail, RunProgress, RunStatus, RunSummary } from '../../shared/runs';
import { queryKeys } from './queryKeys';
import { subscribeToRatingEvents } from './ratingEvents';
import { applyProgress, mergeSamples } from './runCache';

/** Subscribes to runProgress, runSamples and ratingsChanged (through `on`, the client's); returns the unsubscribers. */
export function subscribeToRunEvents(queryClient: QueryClient, on: WorkbenchClient['on']): Array<() => void> {
  const lastStatus = new Map<string, RunStatus>();

  function onProgress(progress: RunProgress): void {
    const cached = queryClient.getQueryData<RunDetail>(queryKeys.run(progress.runId));
    queryClient.setQueryData(queryKeys.runProgress(progress.runId), progress);
    queryClient.setQueryData<RunDetail>(queryKeys.run(progress.runId), (detail) =>
      detail ? withSummary(detail, applyProgress(detail.summary, progress)) : detail,
    );
    queryClient.setQueriesData<RunSummary[]>({ queryKey: ['runs'] }, (list) =>
      list?.some((summary) => summary.runId === progress.runId)
        ? list.map((summary) => applyProgress(summary, progress))
        : list,
    );
    const seen = lastStatus.get(progress.runId) ?? cached?.summary.status;
    lastStatus.set(progress.runId, progress.status);
    if (seen === progress.status) return;
    // A new status, or a run we had not heard of (started elsewhere, e.g. the CLI), for the lists.
    void queryClient.invalidateQueries({ queryKey: ['runs'] });
    if (cached) void queryClient.invalidateQueries({ queryKey: queryKeys.run(progress.runId), exact: true });
  }

  return [
    on('runProgress', onProgress),
    on('runSamples', ({ runId, samples }) => {
      queryClient.setQueryData<RunDetail>(queryKeys.run(runId), (detail) => (detail ? mergeSamples(detail, samples) : detail));
    }),
    ...subscribeToRatingEvents(queryClient, on),
  ];
}

function withSummary(detail: RunDetail, summary: RunSummary): RunDetail {
  return summary === detail.summary ? detail : { ...detail, summary };
}
