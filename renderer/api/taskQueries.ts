// Prompts called as tasks: recorded calls per version (the History tab's "In use" panel) and
// rolling an approval back, which `@approved` callers pick up on their next call.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TaskUsage } from '../../shared/taskCalls';
import { client } from './client';
import { queryKeys } from './queries';

/**
 * Calls are recorded by other processes (an application, `workbench call --record`) that send the
 * app no event, so while the panel is on screen the figures are asked for again every few seconds.
 */
const USAGE_REFRESH_MS = 5_000;

export function useTaskUsage(name: string) {
  return useQuery<TaskUsage>({ queryKey: queryKeys.taskUsage(name), queryFn: () => client.taskUsage({ name }), refetchInterval: USAGE_REFRESH_MS });
}

export function useRollbackApproval(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { approval: string; reason: string }) => client.rollbackApproval({ name, ...request }),
    onSuccess: () => {
      // A tag moves no file: the repository event may come, but the history should show it at once.
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(name) });
    },
  });
}
