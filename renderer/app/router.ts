// A tiny hash router. Hash URLs work unchanged under app://workbench/ and under `workbench serve`,
// and need no server-side routes.
import { useMemo, useSyncExternalStore } from 'react';
import { currentHash, replaceHash, requestNavigation, subscribeToHash } from './leaveGuard';

/** The tabs of a prompt's page; the overview has no suffix in the URL. */
export const PROMPT_TABS = ['overview', 'edit', 'cases', 'history', 'runs'] as const;
export type PromptTab = (typeof PROMPT_TABS)[number];

/** The views of one run's review; the grid has no suffix in the URL. */
export const REVIEW_TABS = ['grid', 'charts', 'compare'] as const;
export type ReviewTab = (typeof REVIEW_TABS)[number];

export type Route =
  | { page: 'home' }
  | { page: 'settings' }
  /** Every run of every prompt (`#/runs`). */
  | { page: 'runs' }
  | { page: 'prompt'; name: string; tab: PromptTab }
  /**
   * One run's review (`#/runs/<id>[/charts|/compare[/<otherId>]][?<filters>]`); it knows its own
   * prompt. `query` (present only when not empty) holds the samples' filters (lib/sampleFilter/filterParams.ts).
   */
  | { page: 'review'; runId: string; tab: ReviewTab; otherRunId: string | null; query?: string };

/** The query after the path (`#/runs/x?q=a` → `q=a`), '' for none. */
export function queryOf(hash: string): string {
  const at = hash.indexOf('?');
  return at === -1 ? '' : hash.slice(at + 1);
}

export function parseHash(hash: string): Route {
  const at = hash.indexOf('?');
  const path = (at === -1 ? hash : hash.slice(0, at)).replace(/^#\/?/, '');
  const [section, ...parts] = path.split('/');
  try {
    if (section === 'settings' && parts.length === 0) return { page: 'settings' };
    if (section === 'runs') return parts.length === 0 || (parts.length === 1 && parts[0] === '') ? { page: 'runs' } : withQuery(parseReview(parts), queryOf(hash));
    if (section === 'prompts') return parsePrompt(parts);
  } catch {
    // A malformed escape (decodeURIComponent throws): nowhere in particular.
  }
  return { page: 'home' };
}

function parsePrompt([name, tab, runId, ...rest]: string[]): Route {
  if (!name || rest.length > 0) return { page: 'home' };
  const decodedName = decodeURIComponent(name);
  // Older links put a run under its prompt (`#/prompts/<name>/runs/<id>`): the same review.
  if (runId !== undefined) return tab === 'runs' && runId ? reviewRoute(decodeURIComponent(runId)) : { page: 'home' };
  const parsedTab = tab === undefined ? 'overview' : PROMPT_TABS.find((known) => known !== 'overview' && known === tab);
  return parsedTab ? { page: 'prompt', name: decodedName, tab: parsedTab } : { page: 'home' };
}

function withQuery(route: Route, query: string): Route {
  return route.page === 'review' && query !== '' ? { ...route, query } : route;
}

function parseReview([runId, tab, other, ...rest]: string[]): Route {
  if (!runId || rest.length > 0) return { page: 'home' };
  const id = decodeURIComponent(runId);
  if (tab === undefined) return reviewRoute(id);
  if (tab === 'charts' && other === undefined) return reviewRoute(id, 'charts');
  if (tab === 'compare' && other === undefined) return reviewRoute(id, 'compare');
  if (tab === 'compare' && other) return reviewRoute(id, 'compare', decodeURIComponent(other));
  return { page: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'prompt': {
      const base = `#/prompts/${encodeURIComponent(route.name)}`;
      return route.tab === 'overview' ? base : `${base}/${route.tab}`;
    }
    case 'review': {
      const base = `#/runs/${encodeURIComponent(route.runId)}`;
      const query = route.query ? `?${route.query}` : '';
      if (route.tab === 'grid') return base + query;
      if (route.tab === 'compare' && route.otherRunId) return `${base}/compare/${encodeURIComponent(route.otherRunId)}${query}`;
      return `${base}/${route.tab}${query}`;
    }
    case 'settings':
      return '#/settings';
    case 'runs':
      return '#/runs';
    case 'home':
      return '#/';
  }
}

/** The route of a prompt's page, on the overview unless a tab is given. */
export function promptRoute(name: string, tab: PromptTab = 'overview'): Route {
  return { page: 'prompt', name, tab };
}

/** A run's review, on the grid unless a tab is given; only Compare takes a second run; `query`: its filters. */
export function reviewRoute(runId: string, tab: ReviewTab = 'grid', otherRunId: string | null = null, query = ''): Route {
  return withQuery({ page: 'review', runId, tab, otherRunId: tab === 'compare' ? otherRunId : null }, query);
}

/**
 * A run of a prompt. Runs have one page, their review, whichever prompt they belong to; the name
 * is accepted so that callers holding both read naturally.
 */
export function runRoute(_prompt: string, runId: string): Route {
  return reviewRoute(runId);
}

/** The prompt a route names in its URL, or null (a review learns its prompt from the run). */
export function routePrompt(route: Route): string | null {
  return route.page === 'prompt' ? route.name : null;
}

/** Goes to the route, asking first when that would drop edits not saved yet (leaveGuard.ts). */
export function navigate(route: Route): void {
  requestNavigation(hrefFor(route));
}

/** Shows `route` in the address bar in place of the current one: no history entry, no question (its edits stay). */
export function replaceRoute(route: Route): void {
  replaceHash(hrefFor(route));
}

/** The query of the page on screen (a review's filters), re-rendering only when it changes. */
export function useRouteQuery(): string {
  return useSyncExternalStore(subscribeToHash, () => queryOf(currentHash()));
}

/** The page on screen: the address's hash, except while a navigation is held to ask about unsaved edits (leaveGuard.ts). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToHash, currentHash);
  return useMemo(() => parseHash(hash), [hash]);
}
