import { describe, expect, it } from 'vitest';
import type { EmbeddingSimilarity } from '../ratings';
import { clustersFromEmbedding, embeddingCellFor } from './embeddingClusters';

const items = (...texts: string[]) => texts.map((text, i) => ({ sampleId: `s${i}`, text }));

describe('embeddingCellFor', () => {
  it('finds the cell by model, temperature and case', () => {
    const embedding: EmbeddingSimilarity = {
      runId: 'r',
      model: 'e',
      threshold: 0.9,
      cells: [
        { model: 'm', temperature: 0, case: 'a', meanSimilarity: 0.5, clusters: [] },
        { model: 'm', temperature: 1, case: 'a', meanSimilarity: 0.7, clusters: [] },
      ],
    };
    expect(embeddingCellFor(embedding, { model: 'm', temperature: 1, case: 'a' })?.meanSimilarity).toBe(0.7);
    expect(embeddingCellFor(embedding, { model: 'm', temperature: 1, case: 'b' })).toBeNull();
    expect(embeddingCellFor(null, { model: 'm', temperature: 1, case: 'a' })).toBeNull();
  });
});

describe('clustersFromEmbedding', () => {
  it('keeps the embedding’s representative and counts its identical members', () => {
    const clusters = clustersFromEmbedding({ model: 'm', temperature: 0, case: 'a', meanSimilarity: 0.9, clusters: [['s2', 's0', 's1']] }, items('Paris', 'Paris ', 'paris'));
    expect(clusters).toEqual([{ sampleIds: ['s0', 's1', 's2'], representativeId: 's2', size: 3, exactCount: 1 }]);
  });

  it('places samples the embedding did not see with their identical answers, and drops ids that are gone', () => {
    const clusters = clustersFromEmbedding(
      { model: 'm', temperature: 0, case: 'a', meanSimilarity: 0.9, clusters: [['s0', 'old'], ['s1', 's0']] },
      items('A', 'B', 'C', 'C', 'D'),
    );
    expect(clusters.map((cluster) => cluster.sampleIds)).toEqual([['s2', 's3'], ['s0'], ['s1'], ['s4']]);
  });
});
