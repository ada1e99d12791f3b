import { describe, expect, it } from 'vitest';
import { normaliseOutput, percentile, statsByCell, statsForCell } from './cellStats';
import { makeSample as sample } from '../test/support/varianceFixtures';
import { groupIdentical } from './variance/identicalGroups';

const key = { model: 'openai/m', temperature: 0.7, case: 'a' };

describe('normaliseOutput', () => {
  it('treats whitespace runs and edges as the same answer', () => {
    expect(normaliseOutput('  Paris\n\n is  big ')).toBe('Paris is big');
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('statsForCell', () => {
  it('counts distinct answers after normalisation and the share of the most common', () => {
    const stats = statsForCell(key, [
      sample({ output: 'Paris' }),
      sample({ output: ' Paris ' }),
      sample({ output: 'Paris.' }),
      sample({ output: 'Paris' }),
      sample({ status: 'error', output: null, costUsd: null, latencyMs: null }),
    ]);
    expect(stats).toMatchObject({ total: 5, ok: 4, errors: 1, distinct: 2, mostCommonShare: 0.75 });
    expect(stats.meanLength).toBeCloseTo((5 + 7 + 6 + 5) / 4);
    expect(stats.costUsd).toBeCloseTo(0.004);
  });

  it('gives the same figures from answers the caller grouped already', () => {
    const samples = [
      sample({ output: 'Paris' }),
      sample({ status: 'error', output: null, costUsd: null, latencyMs: null }),
      sample({ output: ' Paris ' }),
      sample({ output: 'Lyon' }),
      sample({ output: 'Paris.' }),
      sample({ output: 'Paris' }),
    ];
    const ok = samples.filter((entry) => entry.status === 'ok').map((entry) => entry.output ?? '');
    const grouped = statsForCell(key, samples, groupIdentical(ok));
    expect(grouped).toEqual(statsForCell(key, samples));
    expect(grouped).toMatchObject({ ok: 5, distinct: 3, mostCommonShare: 0.6 });
  });

  it('has no share, length or latency when nothing succeeded', () => {
    const stats = statsForCell(key, [sample({ status: 'pending', output: null, costUsd: null, latencyMs: null, inputTokens: null, outputTokens: null })]);
    expect(stats).toMatchObject({ ok: 0, pending: 1, distinct: 0, mostCommonShare: null, meanLength: null, costUsd: null, latencyP50Ms: null });
  });

  it('reads latency percentiles from ok samples only', () => {
    const stats = statsForCell(key, [sample({ latencyMs: 300 }), sample({ latencyMs: 100 }), sample({ latencyMs: 200 }), sample({ status: 'error', latencyMs: 9000 })]);
    expect(stats.latencyP50Ms).toBe(200);
    expect(stats.latencyP95Ms).toBe(300);
  });
});

describe('statsByCell', () => {
  it('groups by model, temperature and case in the run order', () => {
    const samples = [sample({ temperature: 1 }), sample({ temperature: 0 }), sample({ temperature: 0, case: 'b' }), sample({ model: 'ollama/q', temperature: 0 })];
    const cells = statsByCell(samples, { models: ['ollama/q', 'openai/m'], temperatures: [0, 1], cases: ['a', 'b'] });
    expect(cells.map((cell) => [cell.model, cell.temperature, cell.case, cell.total])).toEqual([
      ['ollama/q', 0, 'a', 1],
      ['openai/m', 0, 'a', 1],
      ['openai/m', 0, 'b', 1],
      ['openai/m', 1, 'a', 1],
    ]);
  });
});
