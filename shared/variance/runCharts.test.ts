import { describe, expect, it } from 'vitest';
import type { Sample } from '../runs';
import { metricsForCell, ratingMap, type CellMetrics } from './cellMetrics';
import { consistencyByTemperature, lengthDistribution, ratingByTemperature, ratingDistribution } from './runCharts';
import { makeRating, makeSample } from '../../test/support/varianceFixtures';

function cellOf(samples: Sample[]): CellMetrics {
  const first = samples[0] as Sample;
  return metricsForCell({ model: first.model, temperature: first.temperature, case: first.case }, samples, { threshold: 0.8, ratings: new Map() });
}

describe('ratingByTemperature', () => {
  it('pools the cases of each model and temperature, with a 95% interval', () => {
    const hot = [makeSample({ temperature: 1, case: 'a' }), makeSample({ temperature: 1, case: 'b' }), makeSample({ temperature: 1, case: 'b' })];
    const cold = [makeSample({ temperature: 0 })];
    const other = [makeSample({ model: 'ollama/q', temperature: 0 })];
    const samples = [...hot, ...cold, ...other];
    const metrics = [cellOf(cold), cellOf(hot.slice(0, 1)), cellOf(hot.slice(1)), cellOf(other)];
    const ratings = [makeRating(hot[0]?.sampleId ?? '', 3), makeRating(hot[1]?.sampleId ?? '', 5), makeRating(hot[2]?.sampleId ?? '', 4), makeRating(cold[0]?.sampleId ?? '', 2)];
    const series = ratingByTemperature(metrics, samples, ratings);
    expect(series.map((line) => line.model)).toEqual(['openai/m', 'ollama/q']);
    const [coldPoint, hotPoint] = series[0]?.points ?? [];
    expect(coldPoint).toEqual({ temperature: 0, mean: 2, n: 1, low: null, high: null });
    // 3, 5, 4: mean 4, sd 1, half-width 1.96/√3.
    expect(hotPoint?.mean).toBe(4);
    expect(hotPoint?.n).toBe(3);
    expect(hotPoint?.low).toBeCloseTo(4 - 1.96 / Math.sqrt(3), 12);
    expect(hotPoint?.high).toBeCloseTo(4 + 1.96 / Math.sqrt(3), 12);
    expect(series[1]?.points).toEqual([{ temperature: 0, mean: null, n: 0, low: null, high: null }]);
  });
});

describe('consistencyByTemperature', () => {
  it('averages the cells of each temperature with a 95% interval, skipping cells with fewer than two ok outputs', () => {
    const same = cellOf([makeSample({ temperature: 0, case: 'a', output: 'x' }), makeSample({ temperature: 0, case: 'a', output: 'x' })]);
    const apart = cellOf([makeSample({ temperature: 0, case: 'b', output: 'x' }), makeSample({ temperature: 0, case: 'b', output: 'y' })]);
    const failed = cellOf([makeSample({ temperature: 0, case: 'c', status: 'error', output: null })]);
    const alone = cellOf([makeSample({ temperature: 0, case: 'd', output: 'x' })]);
    const hot = cellOf([makeSample({ temperature: 1.2, case: 'a', output: 'z' }), makeSample({ temperature: 1.2, case: 'a', output: 'z' })]);
    const [line] = consistencyByTemperature([hot, same, apart, failed, alone]);
    const [cold, warm] = line?.points ?? [];
    // 1 and 0: mean 0.5, sd √0.5, half-width 1.96·√0.5/√2 = 0.98.
    expect(cold).toMatchObject({ temperature: 0, mean: 0.5, cells: 2 });
    expect(cold?.low).toBeCloseTo(0.5 - 0.98, 12);
    expect(cold?.high).toBeCloseTo(0.5 + 0.98, 12);
    // One cell: a mean, no interval.
    expect(warm).toEqual({ temperature: 1.2, mean: 1, cells: 1, low: null, high: null });
  });

  it('has no point where every cell has a single answer', () => {
    const [line] = consistencyByTemperature([cellOf([makeSample({ temperature: 0, output: 'x' })])]);
    expect(line?.points).toEqual([{ temperature: 0, mean: null, cells: 0, low: null, high: null }]);
  });
});

describe('lengthDistribution', () => {
  it('summarises the lengths of each cell’s ok outputs', () => {
    const samples = ['a', 'abc', 'abcde', 'abcdefg', 'abcdefghi'].map((output) => makeSample({ output }));
    const failed = makeSample({ status: 'error', output: 'error text that must not count' });
    const [cell] = lengthDistribution([cellOf([...samples, failed])], [...samples, failed]);
    expect(cell).toMatchObject({ model: 'openai/m', n: 5, lengths: { min: 1, q1: 3, median: 5, q3: 7, max: 9 } });
  });
});

describe('ratingDistribution', () => {
  it('counts each score from 1 to 5, ignoring cleared ratings', () => {
    const ratings = [5, 5, 3, null, 1, 5].map((rating, i) => makeRating(`s${i}`, rating));
    expect(ratingDistribution(ratings)).toEqual([
      { rating: 1, count: 1 },
      { rating: 2, count: 0 },
      { rating: 3, count: 1 },
      { rating: 4, count: 0 },
      { rating: 5, count: 3 },
    ]);
    expect(ratingMap(ratings).size).toBe(6);
  });
});
