// Server state, through TanStack Query. Components read with these hooks and never fetch by hand;
// server pushes (events) and reconnects keep the cache honest.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PromptDetail, PromptSummary, RenderedPrompt } from '../../shared/prompts';
import type { Settings, Theme } from '../../shared/settings';
import type { WorkspaceInfo } from '../../shared/workspace';
import { client, connection } from './client';

export const queryKeys = {
  workspace: ['workspace'] as const,
  prompts: ['prompts'] as const,
  prompt: (name: string) => ['prompt', name] as const,
  settings: ['settings'] as const,
};

export function useWorkspace() {
  return useQuery<WorkspaceInfo>({ queryKey: queryKeys.workspace, queryFn: () => client.getWorkspace({}) });
}

export function usePrompts() {
  return useQuery<PromptSummary[]>({ queryKey: queryKeys.prompts, queryFn: () => client.listPrompts({}) });
}

export function usePrompt(name: string) {
  return useQuery<PromptDetail>({ queryKey: queryKeys.prompt(name), queryFn: () => client.getPrompt({ name }) });
}

/** What the prompt sends for one case. Keyed under the prompt, so a change to its files refreshes it. */
export function useRenderedPrompt(name: string, caseName: string | undefined) {
  return useQuery<RenderedPrompt>({
    queryKey: [...queryKeys.prompt(name), 'render', caseName ?? null],
    queryFn: () => client.renderPrompt({ name, case: caseName }),
    // A missing variable or a broken template is an answer about the file, not a glitch to retry.
    retry: false,
  });
}

export function useSettings() {
  return useQuery<Settings>({ queryKey: queryKeys.settings, queryFn: () => client.getSettings({}) });
}

/** Applies the theme at once (optimistically) and rolls back if the core refuses it. */
export function useSetTheme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (theme: Theme) => client.setSetting({ key: 'theme', value: theme }),
    onMutate: async (theme) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.settings });
      const previous = queryClient.getQueryData<Settings>(queryKeys.settings);
      if (previous) queryClient.setQueryData<Settings>(queryKeys.settings, { ...previous, theme });
      return { previous };
    },
    onError: (_error, _theme, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.settings, context.previous);
    },
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.settings, settings),
  });
}

/**
 * Subscribes once, at the app root, to the core's events. This is a subscription, not a fetch:
 * it only tells the cache what became stale.
 */
export function useWorkbenchEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const unsubscribers = [
      client.on('promptsChanged', ({ names }) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.prompts });
        for (const name of names) void queryClient.invalidateQueries({ queryKey: queryKeys.prompt(name) });
        // Edits change which files differ from HEAD, and a commit made with git moves HEAD.
        void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
      }),
      client.on('settingsChanged', (settings) => queryClient.setQueryData(queryKeys.settings, settings)),
      // Events sent while the socket was down are lost; refetch everything that is on screen.
      connection?.onReconnect(() => void queryClient.invalidateQueries()),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe?.();
    };
  }, [queryClient]);
}
