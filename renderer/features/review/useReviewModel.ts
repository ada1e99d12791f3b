import { useCallback, useMemo } from 'react';
import { cellKeyOf } from '../../../shared/cellStats';
import type { SampleRating } from '../../../shared/ratings';
import type { RunDetail, Sample } from '../../../shared/runs';
import { groupFailures, type FailureGroup } from '../../../shared/sampleFailures';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { buildGridLayout, type GridLayout } from './gridLayout';
import type { GridRows } from './reviewPrefs';
import { blindOrder, failedOrder, gridOrder, placeFinder, type SamplePlace } from './sampleOrder';

export interface ReviewModel {
  layout: GridLayout;
  /** The samples j/k walk: the grid's (rateable and failed), the failed ones only, or the blind shuffle (rateable only). */
  order: string[];
  placeOf(sampleId: string): SamplePlace | undefined;
  samples: ReadonlyMap<string, Sample>;
  /** A sample has an answer to rate (it is ok). */
  canRate(sampleId: string): boolean;
  /** A cell's failed samples, grouped by what went wrong; empty for a cell without failures. */
  failuresOf(cell: CellMetrics): readonly FailureGroup[];
  /** The grid shows only the cells with failures (asked for, and there are some). */
  failedOnly: boolean;
  /** Samples that can be rated, and how many of them have a rating. */
  rateable: number;
  rated: number;
}

const NO_FAILURES: readonly FailureGroup[] = [];

/** Everything the review derives from the run and its metrics, each part recomputed only when its inputs move. */
export function useReviewModel(detail: RunDetail, cells: CellMetrics[], ratings: ReadonlyMap<string, SampleRating>, rows: GridRows, blind: boolean, failedOnlyAsked: boolean): ReviewModel {
  const { samples, summary } = detail;
  const { models, temperatures, cases } = summary;
  const byId = useMemo(() => new Map(samples.map((sample) => [sample.sampleId, sample])), [samples]);
  // Read from the samples themselves, not the cells' counts: metrics may lag a batch behind.
  const failures = useMemo(() => {
    const byCell = new Map<string, FailureGroup[]>();
    for (const cell of cells) {
      const groups = groupFailures(cell.sampleIds.map((id) => byId.get(id)));
      if (groups.length > 0) byCell.set(cellKeyOf(cell), groups);
    }
    return byCell;
  }, [cells, byId]);
  const failuresOf = useCallback((cell: CellMetrics) => failures.get(cellKeyOf(cell)) ?? NO_FAILURES, [failures]);
  const failedOnly = failedOnlyAsked && !blind && failures.size > 0;
  const shownCells = useMemo(() => (failedOnly ? cells.filter((cell) => failures.has(cellKeyOf(cell))) : cells), [failedOnly, cells, failures]);
  const layout = useMemo(() => buildGridLayout({ models, temperatures, cases }, shownCells, rows), [models, temperatures, cases, shownCells, rows]);
  const placeOf = useMemo(() => placeFinder(cells, (id) => byId.get(id)), [cells, byId]);
  const canRate = useCallback((id: string) => byId.get(id)?.status === 'ok', [byId]);
  const shuffled = useMemo(() => {
    if (!blind) return null;
    // Blind, the queue holds only answers to rate: a failure's message names its model.
    const rateable = new Set(samples.filter((sample) => sample.status === 'ok').map((sample) => sample.sampleId));
    return blindOrder(summary.runId, samples.map((sample) => sample.sampleId), rateable);
  }, [blind, samples, summary.runId]);
  const inGrid = useMemo(() => (failedOnly ? failedOrder : gridOrder)(layout.cellsInOrder, failuresOf), [failedOnly, layout, failuresOf]);
  const order = shuffled ?? inGrid;
  const rateable = useMemo(() => samples.reduce((count, sample) => count + (sample.status === 'ok' ? 1 : 0), 0), [samples]);
  const rated = useMemo(() => {
    let count = 0;
    for (const [id, entry] of ratings) if (entry.rating !== null && byId.get(id)?.status === 'ok') count += 1;
    return count;
  }, [ratings, byId]);
  return { layout, order, placeOf, samples: byId, canRate, failuresOf, failedOnly, rateable, rated };
}
