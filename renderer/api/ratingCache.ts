// How rating changes alter the cached run, as pure functions. The run holds only samples that have
// a rating or a note, so a change that leaves both empty removes the sample's entry. A change that
// alters nothing returns the same run, so nothing re-renders for an echo of what is on screen.
import type { RatingValue, SampleRating } from '../../shared/ratings';
import type { RunDetail } from '../../shared/runs';

/** The run with these samples' ratings replaced (entries of other samples keep their identity). */
export function applyRatings(detail: RunDetail, ratings: readonly SampleRating[]): RunDetail {
  if (ratings.length === 0) return detail;
  const incoming = new Map(ratings.map((entry) => [entry.sampleId, entry]));
  let changed = false;
  const next: SampleRating[] = [];
  for (const entry of detail.ratings) {
    const replacement = incoming.get(entry.sampleId);
    if (!replacement) {
      next.push(entry);
      continue;
    }
    incoming.delete(entry.sampleId);
    if (sameRating(entry, replacement)) {
      next.push(entry);
      continue;
    }
    changed = true;
    if (!isEmpty(replacement)) next.push(replacement);
  }
  for (const entry of incoming.values()) {
    if (isEmpty(entry)) continue;
    changed = true;
    next.push(entry);
  }
  return changed ? { ...detail, ratings: next } : detail;
}

/** What these entries hold after a rating (null clears it); each keeps its note, and with `onlyUnrated` its rating if it has one. */
export function ratedEntries(before: readonly SampleRating[], rating: RatingValue | null, at: string, onlyUnrated = false): SampleRating[] {
  return before.map((entry) => (onlyUnrated && entry.rating !== null ? entry : { sampleId: entry.sampleId, rating, note: entry.note, updatedAt: at }));
}

/** What the entry holds after its note changed (blank clears it, as the core does). */
export function notedEntry(before: SampleRating, note: string | null, at: string): SampleRating {
  return { sampleId: before.sampleId, rating: before.rating, note: note?.trim() ? note : null, updatedAt: at };
}

/** The entries these samples hold now, in one pass over the run; a sample without one holds nothing. */
export function entriesBefore(detail: RunDetail, sampleIds: readonly string[]): SampleRating[] {
  const wanted = new Set(sampleIds);
  const found = new Map<string, SampleRating>();
  for (const entry of detail.ratings) if (wanted.has(entry.sampleId)) found.set(entry.sampleId, entry);
  return sampleIds.map((sampleId) => found.get(sampleId) ?? { sampleId, rating: null, note: null, updatedAt: null });
}

function isEmpty(entry: SampleRating): boolean {
  return entry.rating === null && entry.note === null;
}

function sameRating(a: SampleRating, b: SampleRating): boolean {
  return a.rating === b.rating && a.note === b.note && a.updatedAt === b.updatedAt;
}
