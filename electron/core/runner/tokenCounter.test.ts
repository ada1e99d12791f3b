import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { countTextTokens } from './tokenCounter';

const TEXTS = [
  'What is the capital of France?',
  'Résumé: naïve café, São Paulo, Zürich — ½ price',
  '東京は日本の首都です。Привет, мир! مرحبا بالعالم',
  'Family: 👨‍👩‍👧‍👦 flags: 🇯🇵🇧🇷 and a lone 🦜',
  '',
  'line one\nline two\r\n\ttabbed \u2028 separator \u0000 nul',
];

describe('countTextTokens', () => {
  it('counts as gpt-tokenizer does, non-ASCII, emoji and empty text included, in order', async () => {
    expect(await countTextTokens(TEXTS)).toEqual(TEXTS.map((text) => countTokens(text)));
    expect(await countTextTokens([...TEXTS].reverse())).toEqual(TEXTS.map((text) => countTokens(text)).reverse());
    expect(await countTextTokens([])).toEqual([]);
  });

  it('answers calls made at once, each with its own counts', async () => {
    const batches = Array.from({ length: 6 }, (_, index) => [`batch ${index}: ${'word '.repeat(index * 50)}`, TEXTS[index % TEXTS.length] ?? '']);
    expect(await Promise.all(batches.map((batch) => countTextTokens(batch)))).toEqual(batches.map((batch) => batch.map((text) => countTokens(text))));
  });
});
