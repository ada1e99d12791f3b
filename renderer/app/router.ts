// A tiny hash router. Hash URLs work unchanged under app://workbench/ and under `workbench serve`,
// and need no server-side routes. Later pages add a kind here (e.g. `#/runs/<id>`).
import { useMemo, useSyncExternalStore } from 'react';

/** The tabs of a prompt's page; the overview has no suffix in the URL. */
export const PROMPT_TABS = ['overview', 'edit', 'cases', 'history'] as const;
export type PromptTab = (typeof PROMPT_TABS)[number];

export type Route = { page: 'home' } | { page: 'prompt'; name: string; tab: PromptTab };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [section, name, tab, ...rest] = path.split('/');
  if (section !== 'prompts' || !name || rest.length > 0) return { page: 'home' };
  const parsedTab = tab === undefined ? 'overview' : PROMPT_TABS.find((known) => known !== 'overview' && known === tab);
  if (!parsedTab) return { page: 'home' };
  try {
    return { page: 'prompt', name: decodeURIComponent(name), tab: parsedTab };
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
    case 'home':
      return '#/';
  }
}

/** The route of a prompt's page, on the overview unless a tab is given. */
export function promptRoute(name: string, tab: PromptTab = 'overview'): Route {
  return { page: 'prompt', name, tab };
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
