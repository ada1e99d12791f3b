// Rating writes in flight, so answers and events never undo what is on screen. A person rates
// faster than the core answers: after "4 on A, then 2 on A", the answer to the first write must
// not put 4 back while the second is still on its way. Each sample counts its writes in flight,
// and a change (an answer, or an event from this or another window) only touches samples with
// none left; the last write's own answer then brings the core's final word.
import type { QueryClient } from '@tanstack/react-query';
import type { RatingChange, SampleRating } from '../../shared/ratings';
import type { RunDetail } from '../../shared/runs';
import { queryKeys } from './queryKeys';
import { applyRatings } from './ratingCache';

const inFlight = new Map<string, number>();

/** Marks these samples as being written; call `settleWrite` with the same ids when the answer comes. */
export function beginWrite(sampleIds: readonly string[]): void {
  for (const id of sampleIds) inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
}

export function settleWrite(sampleIds: readonly string[]): void {
  for (const id of sampleIds) {
    const left = (inFlight.get(id) ?? 0) - 1;
    if (left > 0) inFlight.set(id, left);
    else inFlight.delete(id);
  }
}

/** The entries of samples nobody is writing right now. */
export function settledEntries(ratings: readonly SampleRating[]): SampleRating[] {
  return ratings.filter((entry) => !inFlight.has(entry.sampleId));
}

/** Puts these entries into the cached run as they are (optimistic values, or a rollback). */
export function writeEntries(queryClient: QueryClient, runId: string, ratings: readonly SampleRating[]): void {
  if (ratings.length === 0) return;
  queryClient.setQueryData<RunDetail>(queryKeys.run(runId), (detail) => (detail ? applyRatings(detail, ratings) : detail));
}

/** Applies what the core says a change left, except where a later write is still on its way. */
export function applyChange(queryClient: QueryClient, change: RatingChange): void {
  writeEntries(queryClient, change.runId, settledEntries(change.ratings));
}
