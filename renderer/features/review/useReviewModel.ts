import { useCallback, useMemo } from 'react';
import { cellKeyOf } from '../../../shared/cellStats';
import type { SampleRating } from '../../../shared/ratings';
import type { RunDetail, Sample } from '../../../shared/runs';
import { groupFailures, type FailureGroup } from '../../../shared/sampleFailures';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { buildGridLayout, type GridLayout } from './gridLayout';
import type { GridRows } from './reviewPrefs';
import { cellMatches, effectiveFilter, filterCounts, sampleMatches, type CheckIndex, type FilterCounts, type ReviewFilter } from './reviewFilter';
import { blindOrder, filteredOrder, placeFinder, type SamplePlace } from './sampleOrder';

export interface ReviewModel {
  layout: GridLayout;
  /** The samples j/k walk: the grid's (rateable and failed), those the filter keeps, or the blind shuffle (rateable only). */
  order: string[];
  placeOf(sampleId: string): SamplePlace | undefined;
  samples: ReadonlyMap<string, Sample>;
  /** A sample has an answer to rate (it is ok). */
  canRate(sampleId: string): boolean;
  /** A cell's failed samples, grouped by what went wrong; empty for a cell without failures. */
  failuresOf(cell: CellMetrics): readonly FailureGroup[];
  /** The filter in force (asked for, not blind, and it keeps something), else null. */
  filter: ReviewFilter | null;
  /** How many each filter would keep, for the choices. */
  filterCounts: FilterCounts;
  /** Samples that can be rated, and how many of them have a rating. */
  rateable: number;
  rated: number;
}

const NO_FAILURES: readonly FailureGroup[] = [];

/** Everything the review derives from the run and its metrics, each part recomputed only when its inputs move. */
export function useReviewModel(detail: RunDetail, cells: CellMetrics[], ratings: ReadonlyMap<string, SampleRating>, rows: GridRows, blind: boolean, filterAsked: ReviewFilter | null, checks: CheckIndex): ReviewModel {
  const { samples, summary, skipped } = detail;
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
  const counts = useMemo(() => filterCounts(samples, checks), [samples, checks]);
  const asked = blind ? null : filterAsked;
  const filter = useMemo(() => effectiveFilter(asked, counts), [asked, counts]);
  const sampleOf = useCallback((id: string) => byId.get(id), [byId]);
  const shownCells = useMemo(() => (filter ? cells.filter((cell) => cellMatches(filter, cell, sampleOf, checks)) : cells), [filter, cells, sampleOf, checks]);
  // Filtered, cells left out of the run (never sampled, so matching nothing) stay out too.
  const layout = useMemo(() => buildGridLayout({ models, temperatures, cases }, shownCells, rows, filter ? [] : skipped), [models, temperatures, cases, shownCells, rows, filter, skipped]);
  const placeOf = useMemo(() => placeFinder(cells, (id) => byId.get(id)), [cells, byId]);
  const canRate = useCallback((id: string) => byId.get(id)?.status === 'ok', [byId]);
  const shuffled = useMemo(() => {
    if (!blind) return null;
    // Blind, the queue holds only answers to rate: a failure's message names its model.
    const rateable = new Set(samples.filter((sample) => sample.status === 'ok').map((sample) => sample.sampleId));
    return blindOrder(summary.runId, samples.map((sample) => sample.sampleId), rateable);
  }, [blind, samples, summary.runId]);
  const inGrid = useMemo(
    () => filteredOrder(layout.cellsInOrder, failuresOf, filter ? (id) => sampleMatches(filter, byId.get(id), checks) : null),
    [filter, layout, failuresOf, byId, checks],
  );
  const order = shuffled ?? inGrid;
  const rateable = useMemo(() => samples.reduce((count, sample) => count + (sample.status === 'ok' ? 1 : 0), 0), [samples]);
  const rated = useMemo(() => {
    let count = 0;
    for (const [id, entry] of ratings) if (entry.rating !== null && byId.get(id)?.status === 'ok') count += 1;
    return count;
  }, [ratings, byId]);
  return { layout, order, placeOf, samples: byId, canRate, failuresOf, filter, filterCounts: counts, rateable, rated };
}
