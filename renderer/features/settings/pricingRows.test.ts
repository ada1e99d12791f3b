import { describe, expect, it } from 'vitest';
import { builtInPricesNotOverridden, overridesBuiltIn, parsePriceDrafts, toDrafts } from './pricingRows';

const defaults = [
  { pattern: 'ollama/*', inputPerMTok: 0, outputPerMTok: 0 },
  { pattern: 'openai/gpt-4o', inputPerMTok: 2.5, outputPerMTok: 10 },
];

describe('the pricing table', () => {
  it('lists the built-in prices the user has not overridden', () => {
    expect(builtInPricesNotOverridden([' openai/gpt-4o ', 'lmstudio/*'], defaults)).toEqual([defaults[0]]);
    expect(builtInPricesNotOverridden([], defaults)).toEqual(defaults);
  });

  it('tells an override from a new price', () => {
    expect(overridesBuiltIn('openai/gpt-4o', defaults)).toBe(true);
    expect(overridesBuiltIn('lmstudio/*', defaults)).toBe(false);
  });
});

describe('typed prices', () => {
  it('reads the rows as price entries', () => {
    const drafts = toDrafts([{ pattern: 'openai/gpt-4o', inputPerMTok: 2, outputPerMTok: 8 }]);
    expect(parsePriceDrafts([...drafts, { pattern: ' x/* ', input: '$0.5', output: '1' }])).toEqual({
      entries: [
        { pattern: 'openai/gpt-4o', inputPerMTok: 2, outputPerMTok: 8 },
        { pattern: 'x/*', inputPerMTok: 0.5, outputPerMTok: 1 },
      ],
      problems: new Map(),
    });
  });

  it('says which rows are wrong and why', () => {
    const { entries, problems } = parsePriceDrafts([
      { pattern: '', input: '1', output: '1' },
      { pattern: 'a/b', input: '-1', output: '1' },
      { pattern: 'c/d', input: '1', output: '' },
      { pattern: 'e/f', input: '1', output: '1' },
      { pattern: 'e/f', input: '2', output: '2' },
    ]);
    expect(entries).toBeNull();
    expect([...problems.keys()]).toEqual([0, 1, 2, 4]);
    expect(problems.get(4)).toMatch(/twice/);
  });
});
