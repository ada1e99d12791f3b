import { describe, expect, it } from 'vitest';
import type { EmbeddingSimilarity } from '../ratings';
import { metricsByCell, metricsForCell, ratingMap, type MetricsOptions } from './cellMetrics';
import { seededRandom } from './seededRandom';
import { makeRating, makeSample, makeSummary } from '../../test/support/varianceFixtures';
import { profileSimilarity, profileText, type TextProfile } from './textSimilarity';

const key = { model: 'openai/m', temperature: 0.7, case: 'a' };
const lexical: MetricsOptions = { threshold: 0.8, ratings: new Map() };

describe('metricsForCell', () => {
  it('finds N identical outputs fully consistent, in one cluster', () => {
    const samples = Array.from({ length: 5 }, () => makeSample({ output: 'Paris is the capital.' }));
    const metrics = metricsForCell(key, samples, lexical);
    expect(metrics).toMatchObject({ ok: 5, distinct: 1, meanSimilarity: 1, consistency: 1, lengthSd: 0, mostCommonOutput: 'Paris is the capital.' });
    expect(metrics.clusters).toEqual([{ sampleIds: samples.map((sample) => sample.sampleId), representativeId: samples[0]?.sampleId, size: 5, exactCount: 5 }]);
  });

  it('finds outputs without a shared word inconsistent, each its own cluster', () => {
    const samples = ['red', 'green', 'blue', 'yellow'].map((output) => makeSample({ output }));
    const metrics = metricsForCell(key, samples, lexical);
    expect(metrics.meanSimilarity).toBe(0);
    expect(metrics.consistency).toBe(0);
    expect(metrics.clusters).toHaveLength(4);
    expect(metrics.distinct).toBe(4);
  });

  it('counts only ok samples in similarity, clusters and lengths but lists every sample in index order', () => {
    const late = makeSample({ index: 9, output: 'abcd' });
    const failed = makeSample({ index: 1, status: 'error', output: null });
    const early = makeSample({ index: 0, output: 'ab' });
    const metrics = metricsForCell(key, [late, failed, early], lexical);
    expect(metrics.sampleIds).toEqual([early.sampleId, failed.sampleId, late.sampleId]);
    expect(metrics.clusters.flatMap((cluster) => cluster.sampleIds).sort()).toEqual([early.sampleId, late.sampleId].sort());
    // Lengths 2 and 4: sd √2.
    expect(metrics.lengthSd).toBeCloseTo(Math.SQRT2, 12);
    expect(metrics.errors).toBe(1);
  });

  it('has no consistency for a single ok output (nothing to agree with), nor without any', () => {
    const one = metricsForCell(key, [makeSample({ output: 'x' }), makeSample({ status: 'error', output: null })], lexical);
    expect(one).toMatchObject({ ok: 1, meanSimilarity: null, consistency: null, lengthSd: null });
    const none = metricsForCell(key, [makeSample({ status: 'pending', output: null })], lexical);
    expect(none).toMatchObject({ meanSimilarity: null, consistency: null, mostCommonOutput: null, clusters: [], schemaValidRate: null });
  });

  it('names the most common output as returned, whitespace and all', () => {
    const samples = [makeSample({ output: 'B' }), makeSample({ output: ' A\n' }), makeSample({ output: 'A' })];
    expect(metricsForCell(key, samples, lexical).mostCommonOutput).toBe(' A\n');
  });

  it('reads mean, spread and count of the ratings, skipping cleared ones', () => {
    const samples = Array.from({ length: 5 }, () => makeSample());
    const ratings = ratingMap([makeRating(samples[0]?.sampleId ?? '', 2), makeRating(samples[1]?.sampleId ?? '', 4), makeRating(samples[2]?.sampleId ?? '', null, 'a note only')]);
    const metrics = metricsForCell(key, samples, { ...lexical, ratings });
    expect(metrics).toMatchObject({ rated: 2, ratingMean: 3 });
    expect(metrics.ratingSd).toBeCloseTo(Math.SQRT2, 12);
    expect(metricsForCell(key, samples, lexical)).toMatchObject({ rated: 0, ratingMean: null, ratingSd: null });
  });

  it('measures schema validity only when there is a schema', () => {
    const samples = ['{"a": 1}', '{"a": "x"}', 'not json', '```json\n{"a": 2}\n```'].map((output) => makeSample({ output }));
    const schema = { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] };
    expect(metricsForCell(key, samples, { ...lexical, outputSchema: schema }).schemaValidRate).toBe(0.5);
    expect(metricsForCell(key, samples, { ...lexical, outputSchema: {} }).schemaValidRate).toBe(0.75);
    expect(metricsForCell(key, samples, lexical).schemaValidRate).toBeNull();
  });

  it('takes similarity and clusters from an embedding for the cells it covers', () => {
    const samples = ['Paris.', 'It is Paris', 'Lyon', 'Paris.'].map((output, index) => makeSample({ output, index }));
    const [a, b, c, d] = samples.map((sample) => sample.sampleId) as [string, string, string, string];
    const embedding: EmbeddingSimilarity = {
      runId: 'run-a',
      model: 'ollama/nomic-embed-text',
      threshold: 0.9,
      cells: [{ ...key, meanSimilarity: 0.93, clusters: [[a, b, d, 'gone'], [c]] }],
    };
    const metrics = metricsForCell(key, samples, { ...lexical, embedding });
    expect(metrics.meanSimilarity).toBe(0.93);
    expect(metrics.consistency).toBe(0.93);
    expect(metrics.clusters).toEqual([
      { sampleIds: [a, b, d], representativeId: a, size: 3, exactCount: 2 },
      { sampleIds: [c], representativeId: c, size: 1, exactCount: 1 },
    ]);
    const other = metricsForCell({ ...key, case: 'b' }, samples, { ...lexical, embedding });
    expect(other.meanSimilarity).not.toBe(0.93);
  });
});

describe('metricsForCell with a thousand samples', () => {
  // Sentences drawn from a small vocabulary with a seeded generator: nearly all different, all alike.
  const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
  const random = seededRandom(11);
  const samples = Array.from({ length: 1000 }, (_, index) =>
    makeSample({ index, output: Array.from({ length: 12 }, () => words[Math.floor(random() * words.length)]).join(' ') }),
  );

  it('stays deterministic and accounts for every ok sample', () => {
    const first = metricsForCell(key, samples, lexical);
    const second = metricsForCell(key, [...samples].reverse(), lexical);
    expect(second.meanSimilarity).toBe(first.meanSimilarity);
    expect(second.clusters).toEqual(first.clusters);
    expect(first.distinct).toBeGreaterThan(990);
    expect(first.clusters.reduce((sum, cluster) => sum + cluster.size, 0)).toBe(1000);
  });

  it('gives the exact mean over all pairs, not an estimate', () => {
    const some = samples.slice(0, 300);
    const profiles = some.map((sample) => profileText(sample.output ?? ''));
    let sum = 0;
    for (let i = 0; i < profiles.length; i++) {
      for (let j = i + 1; j < profiles.length; j++) sum += profileSimilarity(profiles[i] as TextProfile, profiles[j] as TextProfile);
    }
    const pairs = (some.length * (some.length - 1)) / 2;
    expect(metricsForCell(key, some, lexical).meanSimilarity).toBeCloseTo(sum / pairs, 10);
  });
});

describe('metricsByCell', () => {
  it('follows the run order, applies the output schema and the ratings, and ignores another run’s embedding', () => {
    const samples = [
      makeSample({ model: 'm2', temperature: 0, output: '{"a":1}' }),
      makeSample({ model: 'm1', temperature: 1, output: 'nope' }),
      makeSample({ model: 'm1', temperature: 0, output: '{"a":1}' }),
    ];
    const summary = { ...makeSummary(samples), models: ['m1', 'm2'], temperatures: [0, 1] };
    const embedding: EmbeddingSimilarity = { runId: 'another', model: 'e', threshold: 0.5, cells: [{ model: 'm1', temperature: 0, case: 'a', meanSimilarity: 0.1, clusters: [] }] };
    const cells = metricsByCell(
      { summary, samples, ratings: [makeRating(samples[1]?.sampleId ?? '', 5)], output: { format: 'json' }, request: { prompt: 'p', models: ['m1', 'm2'], temperatures: [0, 1], samples: 1, seedMode: 'none', seed: 42, stream: true } },
      { threshold: 0.8, embedding },
    );
    expect(cells.map((cell) => [cell.model, cell.temperature])).toEqual([
      ['m1', 0],
      ['m1', 1],
      ['m2', 0],
    ]);
    expect(cells.map((cell) => cell.schemaValidRate)).toEqual([1, 0, 1]);
    expect(cells.map((cell) => cell.rated)).toEqual([0, 1, 0]);
    expect(cells[0]?.clusters).toHaveLength(1);
  });
});
