import { describe, expect, it } from 'vitest';
import type { SampleRating } from '../../shared/ratings';
import { applyRatings, entriesBefore, notedEntry, ratedEntries } from './ratingCache';
import { makeOk, makeRun } from '../../test/support/runFixtures';

const entry = (sampleId: string, rating: number | null, note: string | null = null, updatedAt: string | null = 't1'): SampleRating => ({ sampleId, rating, note, updatedAt });

describe('ratings in the cached run', () => {
  const run = { ...makeRun([makeOk({ sampleId: 'a' }), makeOk({ sampleId: 'b' })]), ratings: [entry('a', 3, 'terse')] };

  it('replaces a sample’s entry, adds new ones and keeps the others as they were', () => {
    const next = applyRatings(run, [entry('b', 5)]);
    expect(next.ratings).toEqual([entry('a', 3, 'terse'), entry('b', 5)]);
    expect(next.ratings[0]).toBe(run.ratings[0]);
  });

  it('drops an entry left with neither rating nor note', () => {
    expect(applyRatings(run, [entry('a', null, null)]).ratings).toEqual([]);
  });

  it('returns the same run when nothing changes', () => {
    expect(applyRatings(run, [entry('a', 3, 'terse')])).toBe(run);
    expect(applyRatings(run, [entry('b', null, null)])).toBe(run);
    expect(applyRatings(run, [])).toBe(run);
  });

  it('builds optimistic entries that keep notes, and what was there before', () => {
    const before = entriesBefore(run, ['a', 'b']);
    expect(before).toEqual([entry('a', 3, 'terse'), entry('b', null, null, null)]);
    expect(ratedEntries(before, 4, 't2')).toEqual([entry('a', 4, 'terse', 't2'), entry('b', 4, null, 't2')]);
    // A cluster rating leaves a rated member as it was.
    expect(ratedEntries(before, 4, 't2', true)).toEqual([entry('a', 3, 'terse'), entry('b', 4, null, 't2')]);
    expect(notedEntry(entry('a', 3, 'terse'), '  ', 't2')).toEqual(entry('a', 3, null, 't2'));
    expect(notedEntry(entry('b', null, null, null), 'good', 't2')).toEqual(entry('b', null, 'good', 't2'));
  });
});
