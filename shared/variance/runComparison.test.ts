import { describe, expect, it } from 'vitest';
import type { Sample } from '../runs';
import type { SampleRating } from '../ratings';
import { metricsByCell } from './cellMetrics';
import { compareRuns, type RunMetricsInput } from './runComparison';
import { makeRating, makeSample, makeSummary } from '../../test/support/varianceFixtures';

interface RunShape {
  runId: string;
  /** Outputs of one cell (openai/m, 0.7, caseName); null for a failed call. */
  outputs: (string | null)[];
  /** Rating per output, by position; missing or null: unrated. */
  ratings?: (number | null)[];
  costUsd?: number;
  latencyMs?: number;
  caseName?: string;
}

function run({ runId, outputs, ratings = [], costUsd = 0.001, latencyMs = 1000, caseName = 'a' }: RunShape): RunMetricsInput {
  const samples: Sample[] = outputs.map((output, index) =>
    makeSample({ runId, case: caseName, index, output, status: output === null ? 'error' : 'ok', costUsd, latencyMs: output === null ? null : latencyMs }),
  );
  const rated: SampleRating[] = samples.flatMap((sample, i) => (typeof ratings[i] === 'number' ? [makeRating(sample.sampleId, ratings[i] as number)] : []));
  const summary = makeSummary(samples);
  const metrics = metricsByCell({ summary, samples, ratings: rated, output: null, request: { prompt: 'p', models: summary.models, temperatures: summary.temperatures, samples: samples.length, seedMode: 'none', seed: 42, stream: true } }, { threshold: 0.8 });
  return { summary, metrics, samples, ratings: rated };
}

const varied = ['Paris is the capital.', 'The capital is Paris, of course.', 'Lyon? No, Paris.', 'France: Paris.'];
const steady = ['Paris is the capital.', 'Paris is the capital.', 'Paris is the capital.', 'Paris is the capital.'];

describe('compareRuns', () => {
  it('says nothing changed when the runs match', () => {
    const comparison = compareRuns(run({ runId: 'a', outputs: varied, ratings: [4, 4, 3, 4] }), run({ runId: 'b', outputs: varied, ratings: [4, 4, 3, 4] }));
    expect(comparison.summary).toEqual(['No notable change.']);
    expect(comparison.deltas).toMatchObject({ ratingMean: 0, consistency: 0, errors: 0, costPerSample: 0 });
  });

  it('tells improvements in rating, consistency, errors and cost', () => {
    const before = run({ runId: 'a', outputs: [...varied.slice(0, 3), null], ratings: [3, 3, 4], costUsd: 0.002 });
    const after = run({ runId: 'b', outputs: steady, ratings: [4, 5, 4, 5], costUsd: 0.001 });
    const comparison = compareRuns(before, after);
    expect(comparison.summary).toContain('Mean rating rose from 3.3 to 4.5 (n=3 → 4).');
    expect(comparison.summary).toContain('Errors fell from 1 to 0.');
    expect(comparison.summary).toContain('Cost per sample fell 50%.');
    expect(comparison.summary.some((line) => /^Outputs became more consistent: 0\.\d\d → 1\.00\.$/.test(line))).toBe(true);
    expect(comparison.summary.some((line) => line.startsWith('Distinct outputs fell from 100% to 25%'))).toBe(true);
    expect(comparison.deltas.ratingMean).toBeCloseTo(4.5 - 10 / 3, 12);
    expect(comparison.deltas.errors).toBe(-1);
  });

  it('tells regressions, including slower answers and new errors', () => {
    const comparison = compareRuns(
      run({ runId: 'a', outputs: steady, ratings: [5, 5, 4, 5], latencyMs: 800 }),
      run({ runId: 'b', outputs: [...varied.slice(0, 2), null, null], ratings: [3, 2], costUsd: 0.0012, latencyMs: 2000 }),
    );
    expect(comparison.summary).toEqual([
      'Mean rating fell from 4.8 to 2.5 (n=4 → 2).',
      'Errors rose from 0 to 2.',
      expect.stringMatching(/^Outputs became less consistent: 1\.00 → 0\.\d\d\.$/),
      'Distinct outputs rose from 25% to 100% of ok samples.',
      'Cost per sample rose 20%.',
      'Median latency rose from 800 ms to 2.0 s.',
    ]);
  });

  it('ignores changes below the thresholds', () => {
    const outputs = [...steady, 'Paris is the capital.'];
    const comparison = compareRuns(
      run({ runId: 'a', outputs, ratings: [4, 4, 4, 4, 4], costUsd: 0.001, latencyMs: 1000 }),
      run({ runId: 'b', outputs, ratings: [4, 4, 4, 4, 5], costUsd: 0.00105, latencyMs: 1100 }),
    );
    expect(comparison.summary).toEqual(['No notable change.']);
    expect(comparison.deltas.ratingMean).toBeCloseTo(0.2, 12);
    expect(comparison.deltas.latencyP50Ms).toBe(100);
  });

  it('gives per-cell deltas for the cells both runs have', () => {
    const a = run({ runId: 'a', outputs: varied });
    const b = run({ runId: 'b', outputs: steady });
    const onlyInB = run({ runId: 'b', outputs: ['x'], caseName: 'only-in-b' });
    const bWithExtra: RunMetricsInput = { ...b, metrics: [...b.metrics, ...onlyInB.metrics] };
    const { cells } = compareRuns(a, bWithExtra);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ model: 'openai/m', temperature: 0.7, case: 'a', distinct: -3, errors: 0 });
    expect(cells[0]?.consistency).toBeGreaterThan(0);
  });

  it('says when only one run has ratings', () => {
    const comparison = compareRuns(run({ runId: 'a', outputs: steady }), run({ runId: 'b', outputs: steady, ratings: [4, 5] }));
    expect(comparison.summary).toEqual(['Only the second run is rated (mean 4.5, n=2).']);
  });
});
