// Rubric judging and ratings move how far a judge agrees with people: a rating changed (here,
// another window, the CLI) or judging that ended asks the run's calibration again, and the end of
// judging asks the run's checks again (undecided verdicts are now decided). Progress ticks go into
// the cache for the review's "Judge now" to show.
import type { QueryClient } from '@tanstack/react-query';
import type { WorkbenchClient } from '../../shared/api';
import { queryKeys } from './queryKeys';

/** Whether a cached query under a prompt's key is this run's `kind` (['prompt', name, kind, runId, …]). */
function isRunQuery(key: readonly unknown[], kind: string, runId: string): boolean {
  return key[0] === 'prompt' && key[2] === kind && key[3] === runId;
}

export function invalidateCalibration(queryClient: QueryClient, runId: string): void {
  void queryClient.invalidateQueries({ predicate: (query) => isRunQuery(query.queryKey, 'judgeCalibration', runId) });
}

export function subscribeToJudgeEvents(queryClient: QueryClient, on: WorkbenchClient['on']): Array<() => void> {
  return [
    on('ratingsChanged', ({ runId, kind }) => {
      if (kind !== 'note') invalidateCalibration(queryClient, runId);
    }),
    on('judgeProgress', (progress) => {
      queryClient.setQueryData(queryKeys.judgeProgress(progress.runId), progress);
      if (!progress.finished) return;
      invalidateCalibration(queryClient, progress.runId);
      void queryClient.invalidateQueries({ predicate: (query) => isRunQuery(query.queryKey, 'runChecks', progress.runId) || query.queryKey[2] === 'sampleChecks' });
    }),
  ];
}
