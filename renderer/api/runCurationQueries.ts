// The Runs page: every run with its rating figures, and naming, pinning, deleting and restoring a
// run. Each write answers the run as it is now, which goes into every cached list at once; the
// core's runsChanged event then tells the other windows (runEvents.ts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RunOverview } from '../../shared/runs';
import { client } from './client';
import { queryKeys } from './queryKeys';
import { forgetRuns, rememberRun } from './runListCache';

/** Enough for any workspace a person reads as a table; the contract's own limit. */
const OVERVIEW_LIMIT = 1000;

export function useRunsOverview() {
  return useQuery<RunOverview[]>({ queryKey: queryKeys.runsOverview, queryFn: () => client.listRunsOverview({ limit: OVERVIEW_LIMIT }) });
}

export function useLabelRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { runId: string; label: string }) => client.labelRun(input),
    onSuccess: (summary) => rememberRun(queryClient, summary),
  });
}

export function usePinRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { runId: string; pinned: boolean }) => client.pinRun(input),
    onSuccess: (summary) => rememberRun(queryClient, summary),
  });
}

export function useDeleteRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => client.deleteRun({ runId }),
    onSuccess: (summary) => forgetRuns(queryClient, [summary.runId]),
  });
}

/** The undo of a delete: the run comes back into every list it was in. */
export function useRestoreRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => client.restoreRun({ runId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['runs'] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.runsOverview });
    },
  });
}
