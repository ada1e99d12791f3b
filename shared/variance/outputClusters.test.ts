import { describe, expect, it } from 'vitest';
import { clusterOutputs, lexicalClusters, type ClusterItem } from './outputClusters';

const items = (...texts: string[]): ClusterItem[] => texts.map((text, i) => ({ sampleId: `s${i}`, text }));
const PARIS = 'the capital of france is paris';
// √(11/13) ≈ 0.92 to PARIS: 11 shared terms out of 11 and 13 (see textSimilarity.test.ts).
const PARIS_INDEED = `${PARIS} indeed`;

describe('lexicalClusters', () => {
  it('makes one cluster of N identical outputs', () => {
    const clusters = lexicalClusters(items('Paris', 'Paris', 'Paris', 'Paris'), 0.8);
    expect(clusters).toEqual([{ sampleIds: ['s0', 's1', 's2', 's3'], representativeId: 's0', size: 4, exactCount: 4 }]);
  });

  it('makes one cluster per output when they share no words', () => {
    const clusters = lexicalClusters(items('red', 'green', 'blue'), 0.5);
    expect(clusters.map((cluster) => cluster.sampleIds)).toEqual([['s0'], ['s1'], ['s2']]);
  });

  it('collapses whitespace-only differences even when only identical answers may share a cluster', () => {
    const clusters = lexicalClusters(items('Paris is big', ' Paris  is\nbig ', 'Paris is big.'), 1);
    expect(clusters.map((cluster) => [cluster.size, cluster.exactCount])).toEqual([
      [2, 2],
      [1, 1],
    ]);
  });

  it('groups near-duplicates below their similarity and splits them above it', () => {
    expect(lexicalClusters(items(PARIS, PARIS_INDEED), 0.9)).toHaveLength(1);
    expect(lexicalClusters(items(PARIS, PARIS_INDEED), 0.95)).toHaveLength(2);
  });

  it('represents a cluster by its largest identical group and lists members in input order', () => {
    const [cluster] = lexicalClusters(items(PARIS_INDEED, PARIS, PARIS), 0.9);
    expect(cluster).toEqual({ sampleIds: ['s0', 's1', 's2'], representativeId: 's1', size: 3, exactCount: 2 });
  });
});

describe('clusterOutputs', () => {
  // Similarity by a table over the first letter of each text: lets a test say exactly who is close.
  const table = (texts: string[], pairs: Record<string, number>) => (i: number, j: number) => {
    const key = [texts[i]?.[0], texts[j]?.[0]].sort().join('');
    return pairs[key] ?? 0;
  };

  it('breaks a tie between equally large groups by first appearance', () => {
    const texts = ['b1', 'a1', 'a1', 'b1'];
    const [cluster] = clusterOutputs(items(...texts), table(texts, { ab: 0.9 }), 0.5);
    expect(cluster?.representativeId).toBe('s0');
    expect(cluster?.exactCount).toBe(2);
    expect(cluster?.size).toBe(4);
  });

  it('joins the cluster whose representative is most similar', () => {
    // a and b start clusters (too far apart to join); c is close to both, closer to b.
    const texts = ['a', 'a', 'a', 'b', 'b', 'c'];
    const clusters = clusterOutputs(items(...texts), table(texts, { ab: 0.1, ac: 0.6, bc: 0.8 }), 0.5);
    expect(clusters.map((cluster) => cluster.sampleIds)).toEqual([
      ['s0', 's1', 's2'],
      ['s3', 's4', 's5'],
    ]);
  });

  it('keeps different answers apart at threshold 1 even if the measure calls them equal', () => {
    const texts = ['a', 'b'];
    expect(clusterOutputs(items(...texts), () => 1, 1)).toHaveLength(2);
  });

  it('sorts clusters by size, then by their first member', () => {
    const texts = ['x', 'y', 'z', 'z', 'w'];
    const clusters = clusterOutputs(items(...texts), () => 0, 0.5);
    expect(clusters.map((cluster) => cluster.representativeId)).toEqual(['s2', 's0', 's1', 's4']);
  });

  it('compares only one member of each identical group, and only with representatives', () => {
    const texts = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'd'];
    const asked: [number, number][] = [];
    clusterOutputs(items(...texts), (i, j) => (asked.push([i, j]), 0), 0.5);
    // Groups a, b, c, d; each compared with the clusters before it: 0 + 1 + 2 + 3.
    expect(asked).toHaveLength(6);
    expect(new Set(asked.flat())).toEqual(new Set([0, 4, 6, 7]));
  });

  it('gives the same clusters for the same input', () => {
    const texts = Array.from({ length: 60 }, (_, i) => `answer ${i % 7} with words ${i % 3}`);
    expect(lexicalClusters(items(...texts), 0.6)).toEqual(lexicalClusters(items(...texts), 0.6));
  });
});
