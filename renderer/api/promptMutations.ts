// Changes to prompt files. Each answer is the prompt as it now is on disk, so it goes straight into
// the cache; the file watcher's event that follows then finds nothing new.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DiscardedDraft } from '../../shared/drafts';
import type { PromptCase, PromptDetail } from '../../shared/prompts';
import { client } from './client';
import { markLeaving, queryKeys } from './queries';

function remember(queryClient: QueryClient, detail: PromptDetail): void {
  queryClient.setQueryData(queryKeys.prompt(detail.name), detail);
  void queryClient.invalidateQueries({ queryKey: queryKeys.prompts });
  void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
}

export function useSavePrompt(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ source, expectedHash }: { source: string; expectedHash: string }) =>
      client.savePrompt({ name, source, expectedHash }),
    onSuccess: (detail) => remember(queryClient, detail),
  });
}

export function useSaveCases(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cases, expectedHash }: { cases: PromptCase[]; expectedHash: string }) =>
      client.saveCases({ name, cases, expectedHash }),
    onSuccess: (detail) => remember(queryClient, detail),
  });
}

export function useCreatePrompt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { name: string; starter?: string }) => client.createPrompt(request),
    onSuccess: (detail) => remember(queryClient, detail),
  });
}

/** The caller navigates to the new name on success, then calls `doneLeaving` (also on failure). */
export function useRenamePrompt(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (newName: string) => {
      markLeaving(name);
      return client.renamePrompt({ name, newName });
    },
    onSuccess: (detail) => remember(queryClient, detail),
  });
}

export function useDuplicatePrompt(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (newName: string) => client.duplicatePrompt({ name, newName }),
    onSuccess: (detail) => remember(queryClient, detail),
  });
}

/** As with rename: navigate away on success, then `doneLeaving`. */
export function useDeletePrompt(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => {
      markLeaving(name);
      return client.deletePrompt({ name });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompts });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
    },
  });
}

/** Writes a version's files as the new draft; history is never rewritten. */
export function useRestorePrompt(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ref: string) => client.restorePrompt({ name, ref }),
    onSuccess: (detail) => {
      remember(queryClient, detail);
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompt(name) });
    },
  });
}

/** Puts the last commit's files back; the answer holds the discarded draft, to undo with `useRestoreDraft`. */
export function useDiscardDraft(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.discardDraft({ name }),
    onSuccess: ({ prompt }) => {
      remember(queryClient, prompt);
      // Everything derived from the files (previews, checks, history's working version) is stale.
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompt(name) });
    },
  });
}

/** Writes a discarded draft back, unless a file changed since the discard. */
export function useRestoreDraft(name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ discarded }: { discarded: DiscardedDraft }) =>
      client.restoreDraft({ name, draft: discarded.discarded, expectedSourceHash: discarded.prompt.sourceHash, expectedCasesHash: discarded.prompt.casesHash }),
    onSuccess: (detail) => {
      remember(queryClient, detail);
      void queryClient.invalidateQueries({ queryKey: queryKeys.prompt(name) });
    },
  });
}

/** Asks a model for new cases; writes nothing (the Cases tab holds them until a person keeps them). */
export function useDraftCases(name: string) {
  return useMutation({
    mutationFn: ({ model, count }: { model?: string; count: number }) => client.draftCases({ name, count, ...(model ? { model } : {}) }),
  });
}
