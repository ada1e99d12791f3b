import { describe, expect, it } from 'vitest';
import { costUsd, priceFor } from './pricing';

describe('priceFor', () => {
  it('finds an exact model before a prefix', () => {
    expect(priceFor('openai/gpt-4o-mini')).toMatchObject({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(priceFor('openai/gpt-4o')).toMatchObject({ inputPerMTok: 2.5 });
  });

  it('matches prefixes, the longest first', () => {
    expect(priceFor('ollama/llama3.2:latest')).toMatchObject({ inputPerMTok: 0, outputPerMTok: 0 });
    expect(priceFor('anthropic/claude-haiku-4-5-20251001')).toMatchObject({ inputPerMTok: 1 });
    const user = [
      { pattern: 'openai/*', inputPerMTok: 9, outputPerMTok: 9 },
      { pattern: 'openai/gpt-4*', inputPerMTok: 1, outputPerMTok: 1 },
    ];
    expect(priceFor('openai/gpt-4o', user)?.inputPerMTok).toBe(1);
  });

  it("lets the user's entries override the defaults", () => {
    expect(priceFor('openai/gpt-4o-mini', [{ pattern: 'openai/gpt-4o-mini', inputPerMTok: 1, outputPerMTok: 2 }])?.outputPerMTok).toBe(2);
  });

  it('knows nothing about unlisted models', () => {
    expect(priceFor('lmstudio/qwen2.5-7b')).toBeNull();
  });
});

describe('costUsd', () => {
  it('prices per million tokens, and unknown stays unknown', () => {
    expect(costUsd({ pattern: 'x', inputPerMTok: 2, outputPerMTok: 8 }, 1_000, 500)).toBeCloseTo(0.006);
    expect(costUsd(null, 1_000, 500)).toBeNull();
  });
});
