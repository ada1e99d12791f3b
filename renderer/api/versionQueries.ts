// Versions of a prompt in git: history (with approvals), a version's content, differences,
// who commits, and making an older version current again.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { VersionWithApproval } from '../../shared/approvals';
import type { Author } from '../../shared/settings';
import type { PromptAtVersion, PromptDiff } from '../../shared/versions';
import { client } from './client';
import { queryKeys } from './queries';

/** Every version, newest first, each with its approval evidence when it was approved. */
export function usePromptHistory(name: string) {
  return useQuery<VersionWithApproval[]>({ queryKey: queryKeys.history(name), queryFn: () => client.promptHistory({ name }) });
}

export function usePromptAtVersion(name: string, ref: string | null) {
  return useQuery<PromptAtVersion>({
    queryKey: queryKeys.version(name, ref ?? ''),
    queryFn: () => client.promptAtVersion({ name, ref: ref ?? '' }),
    enabled: ref !== null,
    staleTime: Infinity,
  });
}

/** `from`/`to` are commit ids or `working` (the draft); a diff with the draft follows every save. */
export function useDiffPrompt(name: string, from: string | null, to: string | null) {
  return useQuery<PromptDiff>({
    queryKey: queryKeys.diff(name, from ?? '', to ?? ''),
    queryFn: () => client.diffPrompt({ name, from: from ?? 'HEAD', to: to ?? 'working' }),
    enabled: from !== null && to !== null,
    retry: false,
  });
}

/** The commit author: settings, else the global git config, else null (then the UI asks once). */
export function useAuthor() {
  return useQuery<Author | null>({ queryKey: queryKeys.author, queryFn: () => client.getAuthor({}) });
}

export function useSetAuthor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (author: Author) => client.setSetting({ key: 'author', value: author }),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.settings, settings);
      queryClient.setQueryData(queryKeys.author, settings.author);
    },
  });
}

export function useCommitPrompt(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (message: string) => client.commitPrompt({ name, message }),
    onSuccess: () => {
      // The files are unchanged, so no event comes: refresh what a commit changes ourselves.
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompt(name) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompts });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
    },
  });
}

/** Restores `ref`'s files and commits them as a new version ("Revert to …"); the history is kept. */
export function useRollbackPrompt(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ref: string) => client.rollbackPrompt({ name, ref }),
    onSuccess: () => {
      // The files changed too; the change events would say so a moment later, but the new
      // version should be on top of the history the moment the dialog closes.
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompt(name) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompts });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
    },
  });
}

/** The author, from the cache when known, else asked of the core. */
export function ensureAuthor(queryClient: QueryClient): Promise<Author | null> {
  return queryClient.ensureQueryData({ queryKey: queryKeys.author, queryFn: () => client.getAuthor({}) });
}
