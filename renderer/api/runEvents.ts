// Live runs: pushed events go straight into the cache. A batch of samples is merged into the run
// (never a refetch of thousands of samples per batch); only a change of status, which happens a
// couple of times per run, refetches the run and the lists, since a cancel or an end rewrites
// samples the batches never mention (pending ones become cancelled).
import type { QueryClient } from '@tanstack/react-query';
import type { WorkbenchClient } from '../../shared/api';
import type { RunDetail, RunOverview, RunProgress, RunStatus, RunSummary } from '../../shared/runs';
import { forgetRuns } from './runListCache';
import { queryKeys } from './queryKeys';
import { subscribeToJudgeEvents } from './judgeEvents';
import { subscribeToRatingEvents } from './ratingEvents';
import { applyProgress, mergeSamples } from './runCache';

/** Subscribes to runProgress, runsChanged, runSamples, ratingsChanged and judgeProgress (through `on`, the client's); returns the unsubscribers. */
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
    void queryClient.invalidateQueries({ queryKey: queryKeys.runsOverview });
    if (cached) void queryClient.invalidateQueries({ queryKey: queryKeys.run(progress.runId), exact: true });
  }

  /**
   * Runs changed elsewhere (linked by an approval, or run by another process): their summaries go
   * into the cached run and the lists that hold them. A list that should now hold a run it does not
   * (a new one, or one that moved to another commit), or a run whose state moved (its samples
   * changed with it), is fetched again.
   */
  function onRunsChanged(runs: readonly RunSummary[], deleted: readonly string[]): void {
    forgetRuns(queryClient, deleted);
    const listed = new Map<string, RunSummary>();
    for (const [, list] of queryClient.getQueriesData<RunSummary[]>({ queryKey: ['runs'] })) for (const summary of list ?? []) listed.set(summary.runId, summary);
    let refetchLists = false;
    for (const summary of runs) {
      const before = listed.get(summary.runId);
      if (!before || before.status !== summary.status || before.commit !== summary.commit) refetchLists = true;
      const cached = queryClient.getQueryData<RunDetail>(queryKeys.run(summary.runId));
      if (!cached) continue;
      queryClient.setQueryData<RunDetail>(queryKeys.run(summary.runId), (detail) => (detail ? withSummary(detail, summary) : detail));
      if (cached.summary.status !== summary.status) void queryClient.invalidateQueries({ queryKey: queryKeys.run(summary.runId), exact: true });
    }
    const byId = new Map(runs.map((summary) => [summary.runId, summary]));
    queryClient.setQueriesData<RunSummary[]>({ queryKey: ['runs'] }, (list) =>
      list?.some((summary) => byId.has(summary.runId)) ? list.map((summary) => byId.get(summary.runId) ?? summary) : list,
    );
    if (refetchLists) void queryClient.invalidateQueries({ queryKey: ['runs'] });
    // The Runs page: a label or pin (here or elsewhere) comes with the summary; a new run or state is fetched.
    const overview = queryClient.getQueryData<RunOverview[]>(queryKeys.runsOverview);
    queryClient.setQueryData<RunOverview[]>(queryKeys.runsOverview, (list) =>
      list?.some((entry) => byId.has(entry.run.runId)) ? list.map((entry) => ({ ...entry, run: byId.get(entry.run.runId) ?? entry.run })) : list,
    );
    if (overview && (refetchLists || runs.some((summary) => !overview.some((entry) => entry.run.runId === summary.runId)))) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.runsOverview });
    }
  }

  return [
    on('runProgress', onProgress),
    on('runsChanged', ({ runs, deleted }) => onRunsChanged(runs, deleted)),
    on('runSamples', ({ runId, samples }) => {
      queryClient.setQueryData<RunDetail>(queryKeys.run(runId), (detail) => (detail ? mergeSamples(detail, samples) : detail));
    }),
    ...subscribeToRatingEvents(queryClient, on),
    ...subscribeToJudgeEvents(queryClient, on),
  ];
}

function withSummary(detail: RunDetail, summary: RunSummary): RunDetail {
  return summary === detail.summary ? detail : { ...detail, summary };
}
