import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from './router';

describe('hash router', () => {
  it('reads a prompt route', () => {
    expect(parseHash('#/prompts/ticket-triage')).toEqual({ page: 'prompt', name: 'ticket-triage' });
  });

  it('falls back to home for anything else', () => {
    for (const hash of ['', '#', '#/', '#/prompts', '#/prompts/', '#/prompts/a/b', '#/nope/x', '#/prompts/%E0%A4%A']) {
      expect(parseHash(hash)).toEqual({ page: 'home' });
    }
  });

  it('round-trips names that need encoding', () => {
    const route = { page: 'prompt', name: 'v1.0_draft' } as const;
    expect(parseHash(hrefFor(route))).toEqual(route);
    expect(parseHash(hrefFor({ page: 'prompt', name: 'a b/c' }))).toEqual({ page: 'prompt', name: 'a b/c' });
  });
});
