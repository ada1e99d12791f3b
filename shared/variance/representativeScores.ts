// The lexical similarity of one answer to every cluster representative at once. Comparing an
// answer with each representative in turn walks both term lists every time; with many different
// answers (a cell of 1,000 long outputs) that is half a million walks. Here each
// representative's terms go into an inverted index (term → representatives using it, with
// weights), and an answer's similarities are summed term by term from those lists. Work then
// grows with the terms answers actually share, not with every pair of term lists: far less when
// outputs are diverse, and still less when they all share a common core.
import type { TextProfile } from './textSimilarity';

export interface RepresentativeScores {
  /** Item i now represents a cluster; it is scored as the next position in `scores`. */
  add(i: number): void;
  /** Similarity of item i to each representative added so far, in the order they were added. */
  scores(i: number): Float64Array;
}

interface Posting {
  representatives: number[];
  /** The representative's count of the term divided by its norm: its share of the cosine. */
  weights: number[];
}

/** Scores that agree with profileSimilarity (up to rounding in the last bits). */
export function lexicalRepresentativeScores(profile: (i: number) => TextProfile): RepresentativeScores {
  const postings = new Map<number, Posting>();
  // Answers without words are alike only each other (see profileSimilarity).
  const wordless: number[] = [];
  let added = 0;
  return {
    add(i) {
      const { terms, counts, norm } = profile(i);
      const position = added++;
      if (norm === 0) {
        wordless.push(position);
        return;
      }
      for (let k = 0; k < terms.length; k++) {
        const term = terms[k] as number;
        const weight = (counts[k] as number) / norm;
        const posting = postings.get(term);
        if (posting) {
          posting.representatives.push(position);
          posting.weights.push(weight);
        } else {
          postings.set(term, { representatives: [position], weights: [weight] });
        }
      }
    },
    scores(i) {
      const result = new Float64Array(added);
      const { terms, counts, norm } = profile(i);
      if (norm === 0) {
        for (const position of wordless) result[position] = 1;
        return result;
      }
      for (let k = 0; k < terms.length; k++) {
        const posting = postings.get(terms[k] as number);
        if (!posting) continue;
        const weight = (counts[k] as number) / norm;
        const { representatives, weights } = posting;
        for (let p = 0; p < representatives.length; p++) {
          const position = representatives[p] as number;
          result[position] = (result[position] as number) + weight * (weights[p] as number);
        }
      }
      // Rounding can land a hair above 1 for identical profiles, as in profileSimilarity.
      for (let p = 0; p < result.length; p++) result[p] = Math.min(1, result[p] as number);
      return result;
    },
  };
}
