// A tiny hash router. Hash URLs work unchanged under app://workbench/ and under `workbench serve`,
// and need no server-side routes. Later pages add a kind here (e.g. `#/runs/<id>`).
import { useMemo, useSyncExternalStore } from 'react';

export type Route = { page: 'home' } | { page: 'prompt'; name: string };

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [section, ...rest] = path.split('/');
  if (section === 'prompts' && rest.length === 1 && rest[0]) {
    try {
      return { page: 'prompt', name: decodeURIComponent(rest[0]) };
    } catch {
      return { page: 'home' };
    }
  }
  return { page: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'prompt':
      return `#/prompts/${encodeURIComponent(route.name)}`;
    case 'home':
      return '#/';
  }
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
