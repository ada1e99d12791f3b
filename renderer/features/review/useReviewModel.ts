import { useMemo } from 'react';
import type { SampleRating } from '../../../shared/ratings';
import type { RunDetail, Sample } from '../../../shared/runs';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { buildGridLayout, type GridLayout } from './gridLayout';
import type { GridRows } from './reviewPrefs';
import { blindOrder, gridOrder, placeFinder, type SamplePlace } from './sampleOrder';

export interface ReviewModel {
  layout: GridLayout;
  /** Rateable (ok) samples in review order: the grid's, or the blind shuffle. */
  order: string[];
  placeOf(sampleId: string): SamplePlace | undefined;
  samples: ReadonlyMap<string, Sample>;
  /** Rateable samples that have a rating. */
  rated: number;
}

/** Everything the review derives from the run and its metrics, each part recomputed only when its inputs move. */
export function useReviewModel(detail: RunDetail, cells: CellMetrics[], ratings: ReadonlyMap<string, SampleRating>, rows: GridRows, blind: boolean): ReviewModel {
  const { samples, summary, skipped } = detail;
  const { models, temperatures, cases } = summary;
  const layout = useMemo(() => buildGridLayout({ models, temperatures, cases }, cells, rows, skipped), [models, temperatures, cases, cells, rows, skipped]);
  const byId = useMemo(() => new Map(samples.map((sample) => [sample.sampleId, sample])), [samples]);
  const placeOf = useMemo(() => placeFinder(cells, (id) => byId.get(id)), [cells, byId]);
  const shuffled = useMemo(() => {
    if (!blind) return null;
    const rateable = new Set(samples.filter((sample) => sample.status === 'ok').map((sample) => sample.sampleId));
    return blindOrder(summary.runId, samples.map((sample) => sample.sampleId), rateable);
  }, [blind, samples, summary.runId]);
  const inGrid = useMemo(() => gridOrder(layout.cellsInOrder), [layout]);
  const order = shuffled ?? inGrid;
  const rated = useMemo(() => {
    let count = 0;
    for (const [id, entry] of ratings) if (entry.rating !== null && byId.get(id)?.status === 'ok') count += 1;
    return count;
  }, [ratings, byId]);
  return { layout, order, placeOf, samples: byId, rated };
}
