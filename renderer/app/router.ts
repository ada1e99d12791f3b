// A tiny hash router. Hash URLs work unchanged under app://workbench/ and under `workbench serve`,
// and need no server-side routes.
import { useMemo, useSyncExternalStore } from 'react';

/** The tabs of a prompt's page; the overview has no suffix in the URL. */
export const PROMPT_TABS = ['overview', 'edit', 'cases', 'history', 'runs'] as const;
export type PromptTab = (typeof PROMPT_TABS)[number];

export type Route =
  | { page: 'home' }
  | { page: 'settings' }
  | { page: 'prompt'; name: string; tab: PromptTab }
  /** One run of a prompt, shown under the prompt's Runs tab. */
  | { page: 'run'; name: string; runId: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [section, name, tab, runId, ...rest] = path.split('/');
  if (section === 'settings' && name === undefined) return { page: 'settings' };
  if (section !== 'prompts' || !name || rest.length > 0) return { page: 'home' };
  try {
    const decodedName = decodeURIComponent(name);
    if (runId !== undefined) {
      return tab === 'runs' && runId ? { page: 'run', name: decodedName, runId: decodeURIComponent(runId) } : { page: 'home' };
    }
    const parsedTab = tab === undefined ? 'overview' : PROMPT_TABS.find((known) => known !== 'overview' && known === tab);
    if (!parsedTab) return { page: 'home' };
    return { page: 'prompt', name: decodedName, tab: parsedTab };
  } catch {
    return { page: 'home' };
  }
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'prompt': {
      const base = `#/prompts/${encodeURIComponent(route.name)}`;
      return route.tab === 'overview' ? base : `${base}/${route.tab}`;
    }
    case 'run':
      return `#/prompts/${encodeURIComponent(route.name)}/runs/${encodeURIComponent(route.runId)}`;
    case 'settings':
      return '#/settings';
    case 'home':
      return '#/';
  }
}

/** The route of a prompt's page, on the overview unless a tab is given. */
export function promptRoute(name: string, tab: PromptTab = 'overview'): Route {
  return { page: 'prompt', name, tab };
}

export function runRoute(name: string, runId: string): Route {
  return { page: 'run', name, runId };
}

/** The prompt a route belongs to (a run belongs to its prompt), or null. */
export function routePrompt(route: Route): string | null {
  return route.page === 'prompt' || route.page === 'run' ? route.name : null;
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const getHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return useMemo(() => parseHash(hash), [hash]);
}
