// Approving a run and the runs behind a version: their server state.
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApproveRequest } from '../../shared/approvals';
import type { RunSummary } from '../../shared/runs';
import { client } from './client';
import { queryKeys } from './queryKeys';

export function useApproveRun(prompt: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: Pick<ApproveRequest, 'runId' | 'message' | 'confirmed'>) => client.approveRun(request),
    onSuccess: (approved, request) => {
      // A commit leaves the files as they are, so no change event comes: refresh what it changes.
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompt(prompt) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompts });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
      // Draft runs of the same content now belong to the new commit.
      void queryClient.invalidateQueries({ queryKey: ['runs'] });
      for (const runId of new Set([request.runId, ...approved.linkedRuns])) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.run(runId), exact: true });
      }
    },
  });
}

/**
 * The runs of one commit (or linked to it by an approval), newest first. Kept under the `runs`
 * prefix, so whatever refreshes the run lists (a run starting or ending) refreshes these too.
 */
export function useCommitRuns(prompt: string, commit: string | null) {
  return useQuery<RunSummary[]>({
    queryKey: [...queryKeys.runs(prompt), { commit }],
    queryFn: commit ? () => client.listRuns({ prompt, commit, limit: 50 }) : skipToken,
  });
}
