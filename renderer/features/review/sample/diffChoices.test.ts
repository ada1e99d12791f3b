import { describe, expect, it } from 'vitest';
import { makeSample } from '../../../../test/support/varianceFixtures';
import { diffChoices, MAX_CHOICES } from './diffChoices';

describe('diffChoices', () => {
  it('offers each other answer of the cell once, in sample order, with how many gave it, and not the sample’s own', () => {
    const focused = makeSample({ index: 0, output: 'Paris.' });
    const cell = [
      focused,
      makeSample({ index: 3, output: 'Lyon.' }),
      makeSample({ index: 1, output: 'Paris is the capital of France, of course.' }),
      makeSample({ index: 2, output: '  Paris. ' }),
      makeSample({ index: 4, output: 'Lyon.' }),
      makeSample({ index: 5, status: 'error', output: null }),
    ];
    const samples = new Map(cell.map((sample) => [sample.sampleId, sample]));
    const choices = diffChoices(cell.map((sample) => sample.sampleId), samples, focused);
    expect(choices.map((choice) => choice.label)).toEqual(['#2 · “Paris is the capital of France, of…”', '#4 · “Lyon.” ×2']);
    expect(choices[1]?.sampleId).toBe(cell[1]?.sampleId);
  });

  it('lists at most a readable number of answers', () => {
    const cell = Array.from({ length: MAX_CHOICES + 10 }, (_, index) => makeSample({ index, output: `answer ${index}` }));
    const samples = new Map(cell.map((sample) => [sample.sampleId, sample]));
    expect(diffChoices(cell.map((sample) => sample.sampleId), samples, cell[0] ?? makeSample())).toHaveLength(MAX_CHOICES);
  });
});
