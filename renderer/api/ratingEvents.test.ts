// Rating changes from the core (answers and events) against a real query cache, with writes in flight.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { WorkbenchClient } from '../../shared/api';
import type { RatingChange, SampleRating } from '../../shared/ratings';
import type { RunDetail } from '../../shared/runs';
import { queryKeys } from './queryKeys';
import { subscribeToRatingEvents } from './ratingEvents';
import { beginWrite, settleWrite } from './ratingWrites';
import { makeOk, makeRun } from '../../test/support/runFixtures';

const entry = (sampleId: string, rating: number | null): SampleRating => ({ sampleId, rating, note: null, updatedAt: 't' });

function setup() {
  const queryClient = new QueryClient();
  let listener: ((change: RatingChange) => void) | undefined;
  const on = ((_event: string, handler: (change: RatingChange) => void) => {
    listener = handler;
    return () => (listener = undefined);
  }) as unknown as WorkbenchClient['on'];
  subscribeToRatingEvents(queryClient, on);
  queryClient.setQueryData(queryKeys.run('r1'), makeRun([makeOk({ sampleId: 'a' }), makeOk({ sampleId: 'b' })]));
  const emit = (ratings: SampleRating[]) => listener?.({ runId: 'r1', kind: 'rating', ratings, undoable: 1, kept: 0 });
  const ratings = () => queryClient.getQueryData<RunDetail>(queryKeys.run('r1'))?.ratings;
  return { emit, ratings };
}

describe('rating events into the cache', () => {
  it('applies a change made elsewhere', () => {
    const { emit, ratings } = setup();
    emit([entry('a', 2)]);
    expect(ratings()).toEqual([entry('a', 2)]);
  });

  it('leaves alone a sample this window is still writing, and takes the rest', () => {
    const { emit, ratings } = setup();
    beginWrite(['a']);
    emit([entry('a', 2), entry('b', 5)]);
    expect(ratings()).toEqual([entry('b', 5)]);
    settleWrite(['a']);
    emit([entry('a', 4)]);
    expect(ratings()).toEqual([entry('b', 5), entry('a', 4)]);
  });
});
