// Server state, through TanStack Query. Components read with these hooks and never fetch by hand;
// server pushes (events) and reconnects keep the cache honest.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PromptCheck } from '../../shared/promptFiles';
import type { PromptDetail, PromptSummary, RenderedPrompt } from '../../shared/prompts';
import type { Settings, Theme } from '../../shared/settings';
import type { WorkspaceInfo } from '../../shared/workspace';
import { client, connection } from './client';
import { queryKeys } from './queryKeys';
import { subscribeToRunEvents } from './runEvents';

export { queryKeys };

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

/**
 * Prompts being renamed or deleted, from the request until the page has left them: their files
 * vanish on purpose, so change events must not send the page back to read them (a 404).
 */
const leaving = new Set<string>();

export function markLeaving(name: string): void {
  leaving.add(name);
}

/** The page has moved on (or the rename or delete failed): drop the old name's cached data. */
export function doneLeaving(queryClient: QueryClient, name: string, left: boolean): void {
  // After the navigation has rendered, so no mounted page refetches it.
  setTimeout(() => {
    if (left) queryClient.removeQueries({ queryKey: queryKeys.prompt(name) });
    leaving.delete(name);
  }, 0);
}

/** Reads a prompt from disk now, bypassing the cache's freshness (used to settle save conflicts). */
export function fetchPromptNow(queryClient: QueryClient, name: string): Promise<PromptDetail> {
  return queryClient.fetchQuery({ queryKey: queryKeys.prompt(name), queryFn: () => client.getPrompt({ name }), staleTime: 0 });
}

/**
 * Validates and renders the editor's text, saved or not. The caller debounces the source; the last
 * answer stays on screen while the next one is on its way, so the preview does not flicker.
 */
export function usePromptCheck(name: string, source: string, caseName: string | undefined, casesHash: string) {
  return useQuery<PromptCheck>({
    queryKey: queryKeys.check(name, source, caseName, casesHash),
    queryFn: () => client.checkPrompt({ name, source, case: caseName }),
    placeholderData: keepPreviousData,
    retry: false,
    gcTime: 30_000,
  });
}

export function useStarters() {
  return useQuery({ queryKey: queryKeys.starters, queryFn: () => client.listStarters({}), staleTime: Infinity });
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
    const moving = (name: unknown) => leaving.has(String(name));
    const unsubscribers = [
      client.on('promptsChanged', ({ names }) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.prompts });
        for (const name of names) if (!moving(name)) void queryClient.invalidateQueries({ queryKey: queryKeys.prompt(name) });
        // Edits change which files differ from HEAD, and a commit made with git moves HEAD.
        void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
      }),
      // A commit, checkout or pull (here or with git): dirty marks, history and the head may all differ.
      client.on('repositoryChanged', () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.prompts });
        void queryClient.invalidateQueries({ queryKey: ['prompt'], predicate: (query) => !moving(query.queryKey[1]) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.workspace });
      }),
      client.on('settingsChanged', (settings) => {
        queryClient.setQueryData(queryKeys.settings, settings);
        void queryClient.invalidateQueries({ queryKey: queryKeys.author });
        // Addresses, prices and the threshold feed the provider list and every estimate.
        void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
        void queryClient.invalidateQueries({ queryKey: ['estimate'] });
      }),
      // A key or an address changed: statuses, model lists and estimates may all differ.
      client.on('providersChanged', () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.providers });
        // Open model pickers check again; Settings keeps its last answer (with its time) until Check.
        void queryClient.invalidateQueries({ queryKey: ['providerCheck'] });
        void queryClient.invalidateQueries({ queryKey: ['estimate'] });
      }),
      ...subscribeToRunEvents(queryClient, client.on),
      // A restarted core kept everything it had saved, but what it said while it was down went
      // unheard (and its runs are now interrupted): refetch everything that is on screen.
      client.on('coreStatus', (status) => {
        if (status.state === 'restarted') void queryClient.invalidateQueries();
      }),
      // Events sent while the socket was down are lost; refetch everything that is on screen.
      connection?.onReconnect(() => void queryClient.invalidateQueries()),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe?.();
    };
  }, [queryClient]);
}
