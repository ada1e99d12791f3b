import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, promptRoute, queryOf, reviewRoute, routePrompt, runRoute } from './router';

describe('hash router', () => {
  it('reads a prompt route, on the overview', () => {
    expect(parseHash('#/prompts/ticket-triage')).toEqual({ page: 'prompt', name: 'ticket-triage', tab: 'overview' });
  });

  it('reads the tabs of a prompt', () => {
    for (const tab of ['edit', 'cases', 'history', 'runs'] as const) {
      expect(parseHash(`#/prompts/summarize/${tab}`)).toEqual({ page: 'prompt', name: 'summarize', tab });
    }
  });

  it('reads a run’s review and its tabs', () => {
    expect(parseHash('#/runs/run_01H')).toEqual({ page: 'review', runId: 'run_01H', tab: 'grid', otherRunId: null });
    expect(parseHash('#/runs/run_01H/charts')).toEqual({ page: 'review', runId: 'run_01H', tab: 'charts', otherRunId: null });
    expect(parseHash('#/runs/run_01H/compare')).toEqual({ page: 'review', runId: 'run_01H', tab: 'compare', otherRunId: null });
    expect(parseHash('#/runs/run_01H/compare/run_02')).toEqual({ page: 'review', runId: 'run_01H', tab: 'compare', otherRunId: 'run_02' });
  });

  it('opens the same review from an older link under the prompt', () => {
    expect(parseHash('#/prompts/summarize/runs/run_01H')).toEqual(reviewRoute('run_01H'));
  });

  it('reads the page of every run, with or without a trailing slash', () => {
    expect(parseHash('#/runs')).toEqual({ page: 'runs' });
    expect(parseHash('#/runs/')).toEqual({ page: 'runs' });
    expect(hrefFor({ page: 'runs' })).toBe('#/runs');
    expect(routePrompt({ page: 'runs' })).toBeNull();
  });

  it('reads the settings page', () => {
    expect(parseHash('#/settings')).toEqual({ page: 'settings' });
  });

  it('falls back to home for anything else', () => {
    for (const hash of [
      '',
      '#',
      '#/',
      '#/prompts',
      '#/prompts/',
      '#/prompts/a/b',
      '#/prompts/a/overview',
      '#/prompts/a/edit/x',
      '#/prompts/a/runs/',
      '#/prompts/a/runs/x/y',
      '#/nope/x',
      '#/settings/x',
      '#/prompts/%E0%A4%A',
      '#/runs/x/grid',
      '#/runs/x/charts/y',
      '#/runs/x/compare/y/z',
      '#/runs/%E0%A4%A',
    ]) {
      expect(parseHash(hash)).toEqual({ page: 'home' });
    }
  });

  it('writes the overview and the grid without a suffix, tabs with one', () => {
    expect(hrefFor(promptRoute('summarize'))).toBe('#/prompts/summarize');
    expect(hrefFor(promptRoute('summarize', 'history'))).toBe('#/prompts/summarize/history');
    expect(hrefFor(runRoute('summarize', 'r1'))).toBe('#/runs/r1');
    expect(hrefFor(reviewRoute('r1', 'charts'))).toBe('#/runs/r1/charts');
    expect(hrefFor(reviewRoute('r1', 'compare', 'r2'))).toBe('#/runs/r1/compare/r2');
    expect(hrefFor(reviewRoute('r1', 'charts', 'r2'))).toBe('#/runs/r1/charts');
    expect(hrefFor({ page: 'settings' })).toBe('#/settings');
  });

  it('round-trips names that need encoding', () => {
    const route = promptRoute('v1.0_draft', 'edit');
    expect(parseHash(hrefFor(route))).toEqual(route);
    expect(parseHash(hrefFor(promptRoute('a b/c')))).toEqual(promptRoute('a b/c'));
    expect(parseHash(hrefFor(reviewRoute('x/y', 'compare', 'p q')))).toEqual(reviewRoute('x/y', 'compare', 'p q'));
  });

  it('keeps a review’s filters in the query of its link, and old links without one still open', () => {
    const route = reviewRoute('r1', 'grid', null, 'q=paris+capital&rating=unrated%2C4&model=a%2Cb');
    expect(route).toEqual({ page: 'review', runId: 'r1', tab: 'grid', otherRunId: null, query: 'q=paris+capital&rating=unrated%2C4&model=a%2Cb' });
    expect(hrefFor(route)).toBe('#/runs/r1?q=paris+capital&rating=unrated%2C4&model=a%2Cb');
    expect(parseHash(hrefFor(route))).toEqual(route);
    const compare = reviewRoute('x/y', 'compare', 'p q', 'failed=1');
    expect(hrefFor(compare)).toBe('#/runs/x%2Fy/compare/p%20q?failed=1');
    expect(parseHash(hrefFor(compare))).toEqual(compare);
    expect(parseHash('#/runs/r1/charts?note=1')).toEqual(reviewRoute('r1', 'charts', null, 'note=1'));
    // No query, or an empty one: the same route as before filters existed.
    expect(parseHash('#/runs/r1?')).toStrictEqual({ page: 'review', runId: 'r1', tab: 'grid', otherRunId: null });
    expect(hrefFor(reviewRoute('r1', 'grid', null, ''))).toBe('#/runs/r1');
    expect(queryOf('#/runs/r1?q=a?b')).toBe('q=a?b');
    expect(queryOf('#/runs/r1')).toBe('');
    // A query elsewhere changes nothing about where it goes.
    expect(parseHash('#/prompts/summarize/edit?x=1')).toEqual(promptRoute('summarize', 'edit'));
    expect(parseHash('#/runs/x/grid?q=a')).toEqual({ page: 'home' });
  });

  it('knows which prompt a route names', () => {
    expect(routePrompt(promptRoute('summarize'))).toBe('summarize');
    expect(routePrompt(reviewRoute('r1'))).toBeNull();
    expect(routePrompt({ page: 'settings' })).toBeNull();
  });
});
