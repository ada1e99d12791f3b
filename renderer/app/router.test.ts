import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash, promptRoute } from './router';

describe('hash router', () => {
  it('reads a prompt route, on the overview', () => {
    expect(parseHash('#/prompts/ticket-triage')).toEqual({ page: 'prompt', name: 'ticket-triage', tab: 'overview' });
  });

  it('reads the tabs of a prompt', () => {
    for (const tab of ['edit', 'cases', 'history'] as const) {
      expect(parseHash(`#/prompts/summarize/${tab}`)).toEqual({ page: 'prompt', name: 'summarize', tab });
    }
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
      '#/nope/x',
      '#/prompts/%E0%A4%A',
    ]) {
      expect(parseHash(hash)).toEqual({ page: 'home' });
    }
  });

  it('writes the overview without a suffix and tabs with one', () => {
    expect(hrefFor(promptRoute('summarize'))).toBe('#/prompts/summarize');
    expect(hrefFor(promptRoute('summarize', 'history'))).toBe('#/prompts/summarize/history');
  });

  it('round-trips names that need encoding', () => {
    const route = promptRoute('v1.0_draft', 'edit');
    expect(parseHash(hrefFor(route))).toEqual(route);
    expect(parseHash(hrefFor(promptRoute('a b/c')))).toEqual(promptRoute('a b/c'));
  });
});
