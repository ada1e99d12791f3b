// How varied the fakes' answers are (test/support/fakeProviders/variety): fixed at temperature 0,
// spreading as it rises, repeatable by seed, a sensible length, and the same through a server.
import { describe, expect, it } from 'vitest';
import { countWords, generateText, topicWords } from '../support/fakeProviders/variety';
import { ask, fakeStarterForFile, openaiFor, QUESTION } from '../support/providerTestKit';

const start = fakeStarterForFile();

describe('variety', () => {
  const distinct = (temperature: number, seedOf: (i: number) => number | undefined = () => undefined) =>
    new Set(Array.from({ length: 60 }, (_, i) => generateText({ model: 'm', prompt: QUESTION, temperature, counter: i, seed: seedOf(i) }))).size;

  it('is fixed at temperature 0 and spreads more as temperature rises', () => {
    expect(distinct(0)).toBe(1);
    const low = distinct(0.25); // two variants, no word-level changes
    expect(low).toBeGreaterThanOrEqual(1);
    expect(low).toBeLessThanOrEqual(2);
    expect(distinct(0.5)).toBeLessThanOrEqual(3);
    expect(distinct(1)).toBeGreaterThan(distinct(0.5));
    expect(distinct(2)).toBeGreaterThan(distinct(1));
    expect(distinct(2)).toBeGreaterThan(40);
  });

  it('repeats itself for the same seed and varies with the seed', () => {
    expect(distinct(1.5, () => 7)).toBe(1);
    expect(distinct(1.5, (i) => i)).toBeGreaterThan(20);
  });

  it('writes 5–60 words reusing the prompt, for any prompt', () => {
    for (let i = 0; i < 200; i++) {
      const prompt = i % 10 === 0 ? '' : `Summarize item ${i} about gardening, tomatoes and watering schedules`;
      const words = countWords(generateText({ model: 'x', prompt, temperature: (i % 9) / 4, counter: i }));
      expect(words).toBeGreaterThanOrEqual(5);
      expect(words).toBeLessThanOrEqual(60);
    }
    expect(topicWords('Tell me about Paris and the Seine')).toEqual(['Paris', 'Seine']);
  });

  it('reaches the servers: same seed, same text; no seed, different texts', async () => {
    const fake = await start({ kind: 'openai' });
    const client = openaiFor(fake);
    const once = async (options: { temperature: number; seed?: number }) =>
      (await client.chat.completions.create({ model: 'gpt-4o', messages: ask(), ...options })).choices[0]!.message.content;
    const zero = await Promise.all([0, 1, 2].map(() => once({ temperature: 0 })));
    expect(new Set(zero).size).toBe(1);
    const seeded = await Promise.all([0, 1, 2].map(() => once({ temperature: 1.5, seed: 9 })));
    expect(new Set(seeded).size).toBe(1);
    const free = await Promise.all(Array.from({ length: 10 }, () => once({ temperature: 1.5 })));
    expect(new Set(free).size).toBeGreaterThan(5);
  });
});
