import { describe, expect, it } from 'vitest';
import { makeSample } from '../../test/support/varianceFixtures';
import { cellOutputs, hasChanged, matchClusters } from './clusterChanges';

const THRESHOLD = 0.8;
const cell = (outputs: readonly (string | null)[]) =>
  cellOutputs(
    outputs.map((output, index) => makeSample({ index, output, status: output === null ? 'error' : 'ok' })),
    THRESHOLD,
  );
const repeat = (text: string, times: number) => Array.from({ length: times }, () => text);

const PARIS = 'Paris is the capital of France.';
const PARIS_NEAR = 'Paris is the capital of France!';
const CAPITAL = 'The capital city of France is Paris, a city of museums.';
const SHORT = 'Paris.';

describe('cellOutputs', () => {
  it('clusters a cell’s answers as the grid does, with shares of the ok samples and the failures counted apart', () => {
    const outputs = cell([...repeat(PARIS, 3), PARIS_NEAR, SHORT, null]);
    expect(outputs.ok).toBe(5);
    expect(outputs.failed).toBe(1);
    expect(outputs.clusters.map((cluster) => [cluster.text, cluster.size, cluster.share])).toEqual([
      [PARIS, 4, 0.8],
      [SHORT, 1, 0.2],
    ]);
  });
});

describe('matchClusters', () => {
  it('finds nothing changed when both runs gave the same answers in the same shares', () => {
    const changes = matchClusters(cell([...repeat(PARIS, 3), SHORT]), cell([SHORT, ...repeat(PARIS, 3)]), THRESHOLD);
    expect(changes.shift).toBe(0);
    expect(changes.pairs.every((pair) => pair.a !== null && pair.b !== null)).toBe(true);
    expect(hasChanged(changes)).toBe(false);
  });

  it('matches near-identical answers by the clustering’s similarity, and tells new, gone and shifted ones apart', () => {
    const a = cell([...repeat(PARIS, 4), ...repeat(CAPITAL, 4), ...repeat(SHORT, 2)]);
    const b = cell([...repeat(PARIS_NEAR, 5), ...repeat(SHORT, 2), ...repeat('Lyon, obviously.', 3)]);
    const changes = matchClusters(a, b, THRESHOLD);
    const described = changes.pairs.map((pair) => [pair.a?.text ?? null, pair.a?.share ?? null, pair.b?.text ?? null, pair.b?.share ?? null]);
    // Matched pairs in the newer run's order, then the new answer, then the gone one.
    expect(described).toEqual([
      [PARIS, 0.4, PARIS_NEAR, 0.5],
      [SHORT, 0.2, SHORT, 0.2],
      [null, null, 'Lyon, obviously.', 0.3],
      [CAPITAL, 0.4, null, null],
    ]);
    // |0.5−0.4| + 0 + 0.3 + 0.4 = 0.8, halved.
    expect(changes.shift).toBeCloseTo(0.4, 12);
    expect(hasChanged(changes)).toBe(true);
  });

  it('at a threshold of 1 pairs only identical answers (after whitespace), as the clustering does', () => {
    const a = cellOutputs([makeSample({ output: PARIS })], 1);
    const b = cellOutputs([makeSample({ output: `  ${PARIS}\n` }), makeSample({ index: 1, output: PARIS_NEAR })], 1);
    const changes = matchClusters(a, b, 1);
    expect(changes.pairs.map((pair) => [pair.a?.text ?? null, pair.b?.text ?? null])).toEqual([
      [PARIS, `  ${PARIS}\n`],
      [null, PARIS_NEAR],
    ]);
  });

  it('prefers an identical partner over a merely similar one, and gives each cluster one partner at most', () => {
    // Clustered strictly, a holds both answers apart; both are similar enough to b's one answer.
    const a = cellOutputs([makeSample({ output: PARIS_NEAR }), makeSample({ index: 1, output: PARIS })], 1);
    const b = cell([PARIS, PARIS, PARIS]);
    const strict = matchClusters(a, b, THRESHOLD);
    expect(strict.pairs.map((pair) => [pair.a?.text ?? null, pair.b?.text ?? null])).toEqual([
      [PARIS, PARIS],
      [PARIS_NEAR, null],
    ]);
  });

  it('counts a shift of less than five points as noise, not a change', () => {
    const a = cell([...repeat(PARIS, 48), ...repeat(SHORT, 52)]);
    const b = cell([...repeat(PARIS, 51), ...repeat(SHORT, 49)]);
    const changes = matchClusters(a, b, THRESHOLD);
    expect(changes.shift).toBeCloseTo(0.03, 12);
    expect(hasChanged(changes)).toBe(false);
  });

  it('finds every answer moved when the runs share none', () => {
    const changes = matchClusters(cell(['red', 'red']), cell(['blue']), THRESHOLD);
    expect(changes.shift).toBe(1);
    expect(changes.pairs).toHaveLength(2);
  });
});
