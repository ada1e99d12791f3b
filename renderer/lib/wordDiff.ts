// Two outputs word by word, so a reader sees at a glance where one answer departs from another: a
// sample against its cell's most common output or another sample of the cell, or two answers of
// two runs side by side. Bounded: long or unrelated texts are told apart rather than diffed.
import { diffWordsWithSpace } from 'diff';
import { normaliseOutput } from '../../shared/cellStats';

export interface DiffSegment {
  text: string;
  kind: 'same' | 'added' | 'removed';
}

export type WordDiff =
  | { kind: 'same' }
  /** Too many edits to mark usefully (and too slow to compute for long, unrelated texts). */
  | { kind: 'unrelated' }
  /** Too long to diff while the person waits: the diff's cost grows with length times edits. */
  | { kind: 'tooLong' }
  | { kind: 'changed'; segments: DiffSegment[]; added: number; removed: number };

/** Beyond this many edits a word diff is noise; diff stops early, which also bounds its cost. */
const MAX_EDITS = 2000;
/** Characters of both texts together; beyond this even a bounded diff can stall the window. */
const MAX_CHARS = 60_000;

/** Differences that are only whitespace count as "same", as they do for the cell's distinct outputs. */
export function wordDiff(from: string, to: string): WordDiff {
  if (normaliseOutput(from) === normaliseOutput(to)) return { kind: 'same' };
  if (from.length + to.length > MAX_CHARS) return { kind: 'tooLong' };
  const changes = diffWordsWithSpace(from, to, { maxEditLength: MAX_EDITS });
  if (!changes) return { kind: 'unrelated' };
  let added = 0;
  let removed = 0;
  const segments: DiffSegment[] = changes.map((change) => {
    const words = change.value.split(/\s+/).filter(Boolean).length;
    if (change.added) added += words;
    if (change.removed) removed += words;
    return { text: change.value, kind: change.added ? 'added' : change.removed ? 'removed' : 'same' };
  });
  return { kind: 'changed', segments, added, removed };
}
