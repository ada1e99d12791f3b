import { describe, expect, it } from 'vitest';
import { seededRandom } from './seededRandom';
import { cosine, meanPairwiseCosine, meanProfileSimilarity, profileSimilarity, profileText } from './textSimilarity';

const similarity = (a: string, b: string) => profileSimilarity(profileText(a), profileText(b));

describe('profileSimilarity', () => {
  it('is 1 for the same words, whatever the case, spacing or punctuation', () => {
    expect(similarity('The capital is Paris.', 'the  capital is paris')).toBeCloseTo(1, 12);
  });

  it('is 0 when no word is shared', () => {
    expect(similarity('red green blue', 'cat dog mouse')).toBe(0);
  });

  it('treats two texts without words as the same, and one of them against words as different', () => {
    expect(similarity('', '')).toBe(1);
    expect(similarity('  ', '...')).toBe(1);
    expect(similarity('', 'Paris')).toBe(0);
  });

  it('counts word order through adjacent word pairs', () => {
    // Same three words (dot 3); the two pairs of each differ. Each vector has 5 terms of count 1.
    expect(similarity('dog bites man', 'man bites dog')).toBeCloseTo(3 / 5, 12);
  });

  it('counts repetitions rather than treating the text as a set', () => {
    // "a a a b": a×3, b×1, "a a"×2, "a b"×1 (norm √15); "a b": a, b, "a b" (norm √3); dot 3+1+1.
    expect(similarity('a a a b', 'a b')).toBeCloseTo(5 / Math.sqrt(45), 12);
  });

  it('is symmetric and grows with shared content', () => {
    const base = 'the capital of france is paris';
    const close = similarity(base, `${base} indeed`);
    const far = similarity(base, 'the weather in paris is mild today');
    expect(close).toBeCloseTo(similarity(`${base} indeed`, base), 12);
    // 11 shared terms of 11 and 13: √(11/13).
    expect(close).toBeCloseTo(Math.sqrt(11 / 13), 12);
    expect(far).toBeGreaterThan(0);
    expect(far).toBeLessThan(close);
  });

  it('reads words in any script', () => {
    expect(similarity('Größe über alles', 'größe ÜBER alles')).toBeCloseTo(1, 12);
  });

  it('reads Chinese and Japanese, written without spaces, character by character', () => {
    expect(profileText('東京は日本の首都').words).toBe(8);
    expect(profileText('Tokyo東京').words).toBe(3);
    expect(similarity('東京は日本の首都', '東京は日本の首都です')).toBeGreaterThan(0.8);
    expect(similarity('東京は日本の首都', '大阪')).toBe(0);
  });
});

describe('cosine', () => {
  it('is 1 for parallel vectors, 0 for orthogonal ones and -1 for opposite ones', () => {
    expect(cosine([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([1, 0], [-3, 0])).toBeCloseTo(-1, 12);
  });

  it('matches the definition on an uneven example', () => {
    // (1·4 + 2·5 + 3·6) / (√14 · √77)
    expect(cosine([1, 2, 3], [4, 5, 6])).toBeCloseTo(32 / Math.sqrt(14 * 77), 12);
  });

  it('is 0 when there is nothing to compare', () => {
    expect(cosine([0, 0], [1, 1])).toBe(0);
    expect(cosine([1, 2], [1, 2, 3])).toBe(0);
    expect(cosine([], [])).toBe(0);
  });
});

/** The definition, pair by pair, to hold the linear-time sums against. */
function bruteMean<T>(items: readonly T[], similar: (a: T, b: T) => number): number {
  let sum = 0;
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) sum += similar(items[i] as T, items[j] as T);
  return sum / ((items.length * (items.length - 1)) / 2);
}

describe('meanProfileSimilarity', () => {
  const random = seededRandom(3);
  const words = ['sun', 'moon', 'star', 'sky', 'sea', 'wind', 'rain'];
  const texts = Array.from({ length: 40 }, (_, i) => (i % 9 === 0 ? '' : Array.from({ length: 1 + Math.floor(random() * 8) }, () => words[Math.floor(random() * words.length)]).join(' ')));
  const profiles = texts.map(profileText);

  it('equals the mean of every pair’s similarity, wordless texts included', () => {
    expect(meanProfileSimilarity(profiles)).toBeCloseTo(bruteMean(profiles, profileSimilarity), 10);
  });

  it('counts a weighted profile as that many identical texts', () => {
    const expanded = [profiles[1], profiles[1], profiles[1], profiles[2], profiles[3], profiles[3]] as typeof profiles;
    expect(meanProfileSimilarity([profiles[1], profiles[2], profiles[3]] as typeof profiles, [3, 1, 2])).toBeCloseTo(bruteMean(expanded, profileSimilarity), 10);
  });

  it('is exactly 1 for identical texts, exactly 0 for unrelated ones, and absent below two', () => {
    expect(meanProfileSimilarity([profileText('a long answer about the sea')], [7])).toBe(1);
    expect(meanProfileSimilarity(['red', 'green', 'blue'].map(profileText))).toBe(0);
    expect(meanProfileSimilarity([profileText('x')])).toBeNull();
    expect(meanProfileSimilarity([])).toBeNull();
  });
});

describe('meanPairwiseCosine', () => {
  it('equals the mean of every pair’s cosine', () => {
    const random = seededRandom(5);
    const vectors = Array.from({ length: 25 }, () => Array.from({ length: 6 }, () => random() - 0.3));
    vectors.push([0, 0, 0, 0, 0, 0]);
    expect(meanPairwiseCosine(vectors)).toBeCloseTo(bruteMean(vectors, cosine), 10);
    expect(meanPairwiseCosine([[1, 2]])).toBeNull();
  });
});
