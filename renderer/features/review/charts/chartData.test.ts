import { describe, expect, it } from 'vitest';
import type { ModelSeries, RatingPoint } from '../../../../shared/variance/runCharts';
import { passRate } from '../../../../shared/checks/passRate';
import { intervalOffsets, lengthRows, passRateRows, seriesColour, shortModel, temperatureDomain, temperatureRows } from './chartData';

const rating = (temperature: number, mean: number | null, n = 0, low: number | null = null, high: number | null = null): RatingPoint => ({ temperature, mean, n, low, high });

describe('temperatureRows', () => {
  it('puts every model at each temperature into one row, keyed by position', () => {
    const series: ModelSeries<RatingPoint>[] = [
      { model: 'openai/gpt-4o-mini', points: [rating(0, 4, 3, 3.5, 4.5), rating(1, 3, 2)] },
      { model: 'ollama/qwen2.5:7b', points: [rating(0.5, null), rating(1, 2, 1)] },
    ];
    const rows = temperatureRows(series, (point) => ({ value: point.mean, error: intervalOffsets(point.mean, point.low, point.high, [1, 5]), n: point.n }));
    expect(rows.map((row) => row.temperature)).toEqual([0, 0.5, 1]);
    expect(rows[0]).toEqual({ temperature: 0, v0: 4, e0: [0.5, 0.5], n0: 3 });
    expect(rows[1]).toEqual({ temperature: 0.5, v1: null, e1: undefined, n1: 0 });
    expect(rows[2]).toMatchObject({ v0: 3, v1: 2, n0: 2, n1: 1 });
  });
});

describe('intervalOffsets', () => {
  it('cuts the interval to the scale', () => {
    expect(intervalOffsets(4.5, 3.8, 5.2, [1, 5])).toEqual([expect.closeTo(0.7), expect.closeTo(0.5)]);
    expect(intervalOffsets(1.2, 0.4, 2, [1, 5])).toEqual([expect.closeTo(0.2), expect.closeTo(0.8)]);
  });

  it('draws no bar without an interval', () => {
    expect(intervalOffsets(3, null, null, [1, 5])).toBeUndefined();
    expect(intervalOffsets(null, 1, 2, [1, 5])).toBeUndefined();
  });
});

describe('temperatureDomain', () => {
  it('spans the sweep, and widens a single temperature', () => {
    expect(temperatureDomain([{ temperature: 0.2 }, { temperature: 1.2 }])).toEqual([0.2, 1.2]);
    expect(temperatureDomain([{ temperature: 0.2 }])).toEqual([0, 0.7]);
    expect(temperatureDomain([])).toEqual([0, 1]);
  });
});

describe('lengthRows', () => {
  const five = { min: 10, q1: 20, median: 30, q3: 40, max: 50 };

  it('labels rows by what varies and skips cells without outputs', () => {
    const rows = lengthRows([
      { model: 'openai/gpt-4o-mini', temperature: 0, case: 'France', n: 5, lengths: five },
      { model: 'openai/gpt-4o-mini', temperature: 0, case: 'Japan', n: 0, lengths: null },
      { model: 'ollama/llama3.2', temperature: 0.7, case: 'France', n: 5, lengths: five },
    ]);
    expect(rows.map((row) => row.label)).toEqual(['gpt-4o-mini · T 0 · France', 'llama3.2 · T 0.7 · France']);
    expect(rows[0]).toMatchObject({ range: [10, 50], median: 30, n: 5, colour: 0 });
    expect(rows[1]?.colour).toBe(1);
  });

  it('keeps the provider when two models share a name', () => {
    const rows = lengthRows([
      { model: 'openai/llama3.2', temperature: 0, case: 'a', n: 1, lengths: five },
      { model: 'ollama/llama3.2', temperature: 0, case: 'a', n: 1, lengths: five },
    ]);
    expect(rows.map((row) => row.label)).toEqual(['openai/llama3.2 · T 0', 'ollama/llama3.2 · T 0']);
  });

  it('leaves out a model or case that never changes', () => {
    const rows = lengthRows([{ model: 'openai/gpt-4o-mini', temperature: 1, case: 'default', n: 2, lengths: five }]);
    expect(rows[0]?.label).toBe('T 1');
  });
});

describe('series helpers', () => {
  it('cycles eight theme colours', () => {
    expect(seriesColour(0)).toBe('var(--chart-1)');
    expect(seriesColour(9)).toBe('var(--chart-2)');
  });

  it('shortens model ids to the model', () => {
    expect(shortModel('ollama/qwen2.5:7b')).toBe('qwen2.5:7b');
    expect(shortModel('local')).toBe('local');
  });
});

describe('passRateRows', () => {
  it('draws each model in the charts’ order with Wilson’s interval as its bar, and leaves undecided temperatures a gap', () => {
    const point = (model: string, temperature: number, passed: number, total: number) => ({ model, temperature, ...passRate(passed, total) });
    const rows = passRateRows(['b', 'a'], [point('a', 0, 10, 10), point('a', 1, 0, 0), point('b', 1, 6, 10)]);
    expect(rows.map((row) => row.temperature)).toEqual([0, 1]);
    expect(rows[0]).toEqual({ temperature: 0, v1: 1, e1: [expect.closeTo(1 - 0.7225, 3), 0], n1: 10 });
    expect(rows[1]).toMatchObject({ v0: 0.6, n0: 10, v1: null, e1: undefined, n1: 0 });
    const [below, above] = rows[1]?.e0 as [number, number];
    expect(0.6 - below).toBeCloseTo(0.3127, 3);
    expect(0.6 + above).toBeCloseTo(0.8318, 3);
  });
});
