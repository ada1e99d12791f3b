import { describe, expect, it } from 'vitest';
import type { SampleRating } from '../../../shared/ratings';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { withRatings } from './ratingFigures';

const cell = { sampleIds: ['a', 'b', 'c'], rated: 0, ratingMean: null, ratingSd: null } as unknown as CellMetrics;
const entry = (sampleId: string, rating: number | null): SampleRating => ({ sampleId, rating, note: null, updatedAt: null });

describe('rating figures over a cell', () => {
  it('takes the mean and sample sd of the rated samples only', () => {
    const rated = withRatings(cell, new Map([['a', entry('a', 4)], ['b', entry('b', 2)], ['x', entry('x', 5)], ['c', entry('c', null)]]));
    expect(rated.rated).toBe(2);
    expect(rated.ratingMean).toBe(3);
    expect(rated.ratingSd).toBeCloseTo(Math.SQRT2);
  });

  it('hands back the same cell when nothing is rated', () => {
    expect(withRatings(cell, new Map())).toBe(cell);
  });
});
