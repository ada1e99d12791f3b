import { describe, expect, it } from 'vitest';
import { groupIdentical } from './identicalGroups';
import { clusterGroups, type ClusterItem } from './outputClusters';
import { lexicalRepresentativeScores } from './representativeScores';
import { seededRandom } from './seededRandom';
import { lexicalSimilarity, profileOnDemand, profileSimilarity } from './textSimilarity';

/** Answers that vary a base sentence by a share of their words, from a skewed vocabulary; some without words. */
function answers(count: number, drift: number, seed: number, vocabularySize = 60): string[] {
  const random = seededRandom(seed);
  const vocabulary = Array.from({ length: vocabularySize }, (_, i) => `w${i}`);
  const pick = () => vocabulary[Math.floor(vocabulary.length * random() ** 2)] as string;
  const base = Array.from({ length: 25 }, pick);
  return Array.from({ length: count }, (_, i) => (i % 50 === 7 ? '...' : base.map((word) => (random() < drift ? pick() : word)).join(' ')));
}

describe('lexicalRepresentativeScores', () => {
  it('scores an answer against every representative as profileSimilarity does', () => {
    const texts = answers(40, 0.5, 3);
    const profile = profileOnDemand(texts);
    const scores = lexicalRepresentativeScores(profile);
    for (let i = 0; i < 20; i++) scores.add(i);
    for (let i = 20; i < 40; i++) {
      const all = scores.scores(i);
      expect(all).toHaveLength(20);
      all.forEach((score, position) => expect(score).toBeCloseTo(profileSimilarity(profile(i), profile(position)), 12));
    }
  });

  it('counts answers without words as alike each other only', () => {
    const texts = ['', 'a b', '?!', 'a b'];
    const profile = profileOnDemand(texts);
    const scores = lexicalRepresentativeScores(profile);
    scores.add(0);
    scores.add(1);
    expect([...scores.scores(2)]).toEqual([1, 0]);
    expect([...scores.scores(3)]).toEqual([0, 1]);
  });

  it.each([
    [0.2, 0.3],
    [0.35, 0.7],
    [0.5, 0.6],
    [0.9, 0.7],
  ])('gives the same clusters as comparing pair by pair (drift %s, threshold %s)', (drift, threshold) => {
    const texts = answers(300, drift, 17);
    const items: ClusterItem[] = texts.map((text, i) => ({ sampleId: `s${i}`, text }));
    const groups = groupIdentical(texts);
    const profile = profileOnDemand(texts);
    const pairwise = clusterGroups(items, groups, lexicalSimilarity(profile), threshold);
    const indexed = clusterGroups(items, groups, () => Number.NaN, threshold, lexicalRepresentativeScores(profile));
    expect(pairwise.length).toBeGreaterThan(1);
    expect(indexed).toEqual(pairwise);
  });
});
