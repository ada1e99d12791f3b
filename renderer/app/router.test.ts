import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, promptRoute, routePrompt, runRoute } from './router';

describe('hash router', () => {
  it('reads a prompt route, on the overview', () => {
    expect(parseHash('#/prompts/ticket-triage')).toEqual({ page: 'prompt', name: 'ticket-triage', tab: 'overview' });
  });

  it('reads the tabs of a prompt', () => {
    for (const tab of ['edit', 'cases', 'history', 'runs'] as const) {
      expect(parseHash(`#/prompts/summarize/${tab}`)).toEqual({ page: 'prompt', name: 'summarize', tab });
    }
  });

  it('reads a run of a prompt', () => {
    expect(parseHash('#/prompts/summarize/runs/run_01H')).toEqual({ page: 'run', name: 'summarize', runId: 'run_01H' });
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
    ]) {
      expect(parseHash(hash)).toEqual({ page: 'home' });
    }
  });

  it('writes the overview without a suffix and tabs with one', () => {
    expect(hrefFor(promptRoute('summarize'))).toBe('#/prompts/summarize');
    expect(hrefFor(promptRoute('summarize', 'history'))).toBe('#/prompts/summarize/history');
    expect(hrefFor(runRoute('summarize', 'r1'))).toBe('#/prompts/summarize/runs/r1');
    expect(hrefFor({ page: 'settings' })).toBe('#/settings');
  });

  it('round-trips names that need encoding', () => {
    const route = promptRoute('v1.0_draft', 'edit');
    expect(parseHash(hrefFor(route))).toEqual(route);
    expect(parseHash(hrefFor(promptRoute('a b/c')))).toEqual(promptRoute('a b/c'));
    expect(parseHash(hrefFor(runRoute('a b', 'x/y')))).toEqual(runRoute('a b', 'x/y'));
  });

  it('knows which prompt a route belongs to', () => {
    expect(routePrompt(runRoute('summarize', 'r1'))).toBe('summarize');
    expect(routePrompt(promptRoute('summarize'))).toBe('summarize');
    expect(routePrompt({ page: 'settings' })).toBeNull();
  });
});
