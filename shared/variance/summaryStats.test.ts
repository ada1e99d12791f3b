import { describe, expect, it } from 'vitest';
import { fiveNumberSummary, mean, meanInterval, quantile, sampleSd } from './summaryStats';

describe('mean and sampleSd', () => {
  it('follow the textbook definitions', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    // Squared deviations sum to 32; divided by n − 1 = 7.
    expect(sampleSd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });

  it('have no value without enough data', () => {
    expect(mean([])).toBeNull();
    expect(sampleSd([3])).toBeNull();
  });
});

describe('meanInterval', () => {
  it('is mean ± 1.96·sd/√n', () => {
    const interval = meanInterval([3, 4, 5, 4]);
    // mean 4, sd √(2/3), n 4: half-width 1.96·√(2/3)/2.
    const half = (1.96 * Math.sqrt(2 / 3)) / 2;
    expect(interval?.mean).toBe(4);
    expect(interval?.n).toBe(4);
    expect(interval?.low).toBeCloseTo(4 - half, 12);
    expect(interval?.high).toBeCloseTo(4 + half, 12);
  });

  it('narrows as n grows for the same spread', () => {
    const small = meanInterval([2, 4]);
    const large = meanInterval([2, 4, 2, 4, 2, 4, 2, 4]);
    expect((large?.high ?? 0) - (large?.low ?? 0)).toBeLessThan((small?.high ?? 0) - (small?.low ?? 0));
  });

  it('has a mean but no interval for one value, and nothing for none', () => {
    expect(meanInterval([5])).toEqual({ mean: 5, n: 1, low: null, high: null });
    expect(meanInterval([])).toBeNull();
  });
});

describe('quantiles', () => {
  it('interpolate between ranks', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('summarise unsorted values for a box plot', () => {
    expect(fiveNumberSummary([7, 1, 3, 5, 9])).toEqual({ min: 1, q1: 3, median: 5, q3: 7, max: 9 });
    expect(fiveNumberSummary([4])).toEqual({ min: 4, q1: 4, median: 4, q3: 4, max: 4 });
    expect(fiveNumberSummary([])).toBeNull();
  });
});
