// How alike two outputs read, without a model: cosine similarity of their word and word-pair
// counts. Word pairs make order count a little ("dog bites man" is not "man bites dog"), and
// counting (rather than sets) makes a repeated paragraph count as a difference.
//
// Outputs are compared many times each (cluster representatives) and summed over whole cells, so
// each text is turned into a profile once: its terms as 32-bit hashes, sorted, with counts.
// Comparing two profiles is then one merge of two sorted arrays, with no strings and no maps. Two
// different terms could share a hash; for two 300-word outputs (~600 terms each) the chance is
// about 1 in 10,000, and the cost one term's worth of score, which is accepted.
import { wordHashes } from './wordHashes';

export interface TextProfile {
  /** Hashes of the lower-cased words and adjacent word pairs, ascending, each once. */
  readonly terms: Uint32Array;
  /** How often each term occurs, aligned with `terms`. */
  readonly counts: Float64Array;
  /** Euclidean length of the count vector (0 for a text without words). */
  readonly norm: number;
  /** Number of words. */
  readonly words: number;
}

/** A hash for the pair (first, second), unrelated to either word's own hash (murmur3's finaliser). */
function pairHash(first: number, second: number): number {
  let h = Math.imul(first ^ 0x9e3779b9, 0x85ebca6b) ^ second;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function profileText(text: string): TextProfile {
  const words = wordHashes(text);
  const all = new Uint32Array(Math.max(0, 2 * words.length - 1));
  all.set(words);
  for (let i = 1; i < words.length; i++) all[words.length + i - 1] = pairHash(words[i - 1] as number, words[i] as number);
  all.sort();
  // Run-length encode the sorted terms into distinct terms and their counts.
  let distinct = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) distinct++;
  const terms = new Uint32Array(distinct);
  const counts = new Float64Array(distinct);
  let last = -1;
  for (let i = 0; i < all.length; i++) {
    if (i === 0 || all[i] !== all[i - 1]) terms[++last] = all[i] as number;
    counts[last] = (counts[last] as number) + 1;
  }
  let squares = 0;
  for (let i = 0; i < distinct; i++) squares += (counts[i] as number) ** 2;
  return { terms, counts, norm: Math.sqrt(squares), words: words.length };
}

/**
 * Cosine similarity of two profiles, 0..1: 1 for the same words in the same numbers, 0 for no word
 * in common. Two texts without any words (empty, or only punctuation) count as the same.
 */
export function profileSimilarity(a: TextProfile, b: TextProfile): number {
  if (a.norm === 0 || b.norm === 0) return a.norm === b.norm ? 1 : 0;
  const { terms: ta, counts: ca } = a;
  const { terms: tb, counts: cb } = b;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < ta.length && j < tb.length) {
    const x = ta[i] as number;
    const y = tb[j] as number;
    if (x === y) {
      dot += (ca[i] as number) * (cb[j] as number);
      i++;
      j++;
    } else if (x < y) {
      i++;
    } else {
      j++;
    }
  }
  // Rounding can land a hair above 1 for identical profiles.
  return Math.min(1, dot / (a.norm * b.norm));
}

/**
 * The sums below carry rounding errors around 1e-15; rounded off, identical answers read exactly
 * 1 and unrelated ones exactly 0, as a person would expect to see.
 */
function roundOff(value: number): number {
  return Math.round(value * 1e12) / 1e12;
}

/**
 * The mean of profileSimilarity over every pair of texts, where profile k stands for `weights[k]`
 * identical texts (default 1). Exact, yet linear in the number of terms rather than quadratic in
 * the number of texts: with u the profiles scaled to length 1 and S their weighted sum,
 *   Σ over pairs of u_i·u_j = (|S|² − n) / 2,
 * since |S|² = Σ_i Σ_j u_i·u_j and each u_i·u_i = 1. So a cell of 1,000 different outputs costs
 * 1,000 profiles' worth of additions, not 500,000 comparisons. Texts without words are their own
 * direction (alike each other, unlike the rest), as in profileSimilarity. null with < 2 texts.
 */
export function meanProfileSimilarity(profiles: readonly TextProfile[], weights?: readonly number[]): number | null {
  const sum = new Map<number, number>();
  let wordless = 0;
  let n = 0;
  profiles.forEach((profile, k) => {
    const weight = weights?.[k] ?? 1;
    n += weight;
    if (profile.norm === 0) {
      wordless += weight;
      return;
    }
    const scale = weight / profile.norm;
    const { terms, counts } = profile;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as number;
      sum.set(term, (sum.get(term) ?? 0) + (counts[i] as number) * scale);
    }
  });
  if (n < 2) return null;
  let squared = wordless * wordless;
  for (const value of sum.values()) squared += value * value;
  return roundOff(Math.min(1, Math.max(0, (squared - n) / (n * (n - 1)))));
}

/** Profiles texts on first use, so only the outputs actually compared or summed are tokenised. */
export function profileOnDemand(texts: readonly string[]): (i: number) => TextProfile {
  const profiles: (TextProfile | undefined)[] = new Array(texts.length);
  return (i) => (profiles[i] ??= profileText(texts[i] ?? ''));
}

/** profileSimilarity over positions, for clusterOutputs; a text is always fully like itself. */
export function lexicalSimilarity(profile: (i: number) => TextProfile): (i: number, j: number) => number {
  return (i, j) => (i === j ? 1 : profileSimilarity(profile(i), profile(j)));
}

/**
 * Cosine similarity of two embedding vectors, -1..1 (embeddings of text are in practice 0..1).
 * 0 when either vector is all zeros or they differ in length, since then there is nothing to compare.
 */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 0;
  return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
}

/**
 * Mean cosine similarity over every pair of vectors (embeddings of a cell's outputs), exact and
 * linear in their number by the same sum as meanProfileSimilarity. All-zero vectors count as
 * unlike everything. null with fewer than two vectors.
 */
export function meanPairwiseCosine(vectors: readonly (readonly number[])[]): number | null {
  const n = vectors.length;
  if (n < 2) return null;
  const sum = new Float64Array(vectors[0]?.length ?? 0);
  let units = 0;
  for (const vector of vectors) {
    let squares = 0;
    for (const value of vector) squares += value * value;
    if (squares === 0 || vector.length !== sum.length) continue;
    units += 1;
    const scale = 1 / Math.sqrt(squares);
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (vector[i] as number) * scale;
  }
  let squared = 0;
  for (const value of sum) squared += value * value;
  // |S|² counts each unit vector's 1 with itself; what is left is twice the sum over pairs.
  return roundOff(Math.max(-1, Math.min(1, (squared - units) / (n * (n - 1)))));
}
