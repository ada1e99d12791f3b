import { describe, expect, it } from 'vitest';
import { RunRequest } from '../../../shared/runs';
import { expandSamples, seedFor } from './sampleMatrix';

const request = (input: Partial<RunRequest> = {}) =>
  RunRequest.parse({ prompt: 'p', models: ['a/x', 'b/y'], temperatures: [0, 1], samples: 2, ...input });

describe('expandSamples', () => {
  it('makes one sample per model x temperature x case x repeat', () => {
    expect(expandSamples(request(), ['c1', 'c2', 'c3'])).toHaveLength(2 * 2 * 3 * 2);
  });

  it('orders by repeat, then case, then temperature, then model, so every cell fills early', () => {
    const order = expandSamples(request(), ['c1', 'c2']).map((s) => `${s.index} ${s.case} ${s.temperature} ${s.model}`);
    expect(order.slice(0, 9)).toEqual([
      '0 c1 0 a/x',
      '0 c1 0 b/y',
      '0 c1 1 a/x',
      '0 c1 1 b/y',
      '0 c2 0 a/x',
      '0 c2 0 b/y',
      '0 c2 1 a/x',
      '0 c2 1 b/y',
      '1 c1 0 a/x',
    ]);
    // Each of the 8 cells has its first sample within the first 8 samples.
    expect(new Set(order.slice(0, 8).map((line) => line.slice(2))).size).toBe(8);
  });

  it('seeds by mode: none, the same fixed seed, or seed + repeat', () => {
    expect(expandSamples(request({ seedMode: 'none' }), ['c']).map((s) => s.seed)).toEqual(Array(8).fill(null));
    expect(new Set(expandSamples(request({ seedMode: 'fixed', seed: 7 }), ['c']).map((s) => s.seed))).toEqual(new Set([7]));
    const perSample = expandSamples(request({ seedMode: 'per-sample', seed: 100 }), ['c']);
    expect(perSample.map((s) => [s.index, s.seed])).toContainEqual([0, 100]);
    expect(perSample.map((s) => [s.index, s.seed])).toContainEqual([1, 101]);
    expect(seedFor({ seedMode: 'per-sample', seed: 5 }, 9)).toBe(14);
  });
});
