import { useCallback, useMemo } from 'react';
import { cellKeyOf } from '../../../shared/cellStats';
import type { SampleRating } from '../../../shared/ratings';
import type { RunDetail, Sample } from '../../../shared/runs';
import { groupFailures, type FailureGroup } from '../../../shared/sampleFailures';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { clusterPlaces, keptSampleFinder } from '../../lib/sampleFilter/sampleMatcher';
import { NO_FILTER, readsRatings, type SampleFilter } from '../../lib/sampleFilter/sampleFilter';
import { buildGridLayout, type GridLayout } from './gridLayout';
import type { GridRows } from './reviewPrefs';
import { checksChoice, effectiveVerdict, filterCounts, sampleMatches, type CheckIndex, type FilterCounts, type ReviewFilter } from './reviewFilter';
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
  /** ChecksBar's choice in force (a check verdict, or the failed calls), else null. */
  filter: ReviewFilter | null;
  /** How many each check verdict would keep, for the choices. */
  filterCounts: FilterCounts;
  /** The samples the run's filter keeps, or null when it keeps the whole run (no filter, or blind). */
  kept: ReadonlySet<string> | null;
  /** Samples that can be rated, and how many of them have a rating. */
  rateable: number;
  rated: number;
}

const NO_FAILURES: readonly FailureGroup[] = [];
const NO_RATINGS: ReadonlyMap<string, SampleRating> = new Map();

/** Everything the review derives from the run and its metrics, each part recomputed only when its inputs move. */
export function useReviewModel(detail: RunDetail, cells: CellMetrics[], ratings: ReadonlyMap<string, SampleRating>, rows: GridRows, blind: boolean, filterAsked: SampleFilter, checks: CheckIndex): ReviewModel {
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
  // Blind, nothing is filtered: the filters name models and temperatures.
  const asked = blind ? NO_FILTER : filterAsked;
  const verdict = useMemo(() => effectiveVerdict(asked, counts), [asked, counts]);
  const filter = useMemo(() => checksChoice(asked, counts), [asked, counts]);
  const places = useMemo(() => clusterPlaces(cells), [cells]);
  // A rating keypress re-filters only when the filter reads ratings or notes.
  const ratingsRead = readsRatings(asked) ? ratings : NO_RATINGS;
  // One finder per run state, so typing further into the search tests only what the last letter kept.
  const findKept = useMemo(
    () =>
      keptSampleFinder(samples, {
        ratingOf: (id) => ratingsRead.get(id),
        clusterOf: (id) => places.get(id),
        checkKeeps: verdict ? (sample) => sampleMatches(verdict, sample, checks) : null,
      }),
    [samples, ratingsRead, places, verdict, checks],
  );
  const kept = useMemo(() => findKept(asked), [findKept, asked]);
  // Filtered, a cell shows only the clusters and failures that hold a sample kept (counts stay the cell's own).
  const shownCells = useMemo(() => (kept ? narrowCells(cells, kept) : cells), [kept, cells]);
  const shownFailuresOf = useCallback(
    (cell: CellMetrics) => {
      const groups = failuresOf(cell);
      if (!kept || groups.length === 0) return groups;
      const narrowed = groups.map((group) => ({ ...group, sampleIds: group.sampleIds.filter((id) => kept.has(id)) })).filter((group) => group.sampleIds.length > 0);
      return narrowed.length > 0 ? narrowed : NO_FAILURES;
    },
    [failuresOf, kept],
  );
  // Filtered, only the models, temperatures and cases left hold a row or column; cells left out of
  // the run (never sampled, so matching nothing) stay out too.
  const axes = useMemo(() => (kept ? axesOf({ models, temperatures, cases }, shownCells) : { models, temperatures, cases }), [kept, models, temperatures, cases, shownCells]);
  const layout = useMemo(() => buildGridLayout(axes, shownCells, rows, kept ? [] : skipped), [axes, shownCells, rows, kept, skipped]);
  const placeOf = useMemo(() => placeFinder(cells, (id) => byId.get(id)), [cells, byId]);
  const canRate = useCallback((id: string) => byId.get(id)?.status === 'ok', [byId]);
  const shuffled = useMemo(() => {
    if (!blind) return null;
    // Blind, the queue holds only answers to rate: a failure's message names its model.
    const rateable = new Set(samples.filter((sample) => sample.status === 'ok').map((sample) => sample.sampleId));
    return blindOrder(summary.runId, samples.map((sample) => sample.sampleId), rateable);
  }, [blind, samples, summary.runId]);
  const inGrid = useMemo(() => filteredOrder(layout.cellsInOrder, shownFailuresOf, kept ? (id) => kept.has(id) : null), [layout, shownFailuresOf, kept]);
  const order = shuffled ?? inGrid;
  const rateable = useMemo(() => samples.reduce((count, sample) => count + (sample.status === 'ok' ? 1 : 0), 0), [samples]);
  const rated = useMemo(() => {
    let count = 0;
    for (const [id, entry] of ratings) if (entry.rating !== null && byId.get(id)?.status === 'ok') count += 1;
    return count;
  }, [ratings, byId]);
  return { layout, order, placeOf, samples: byId, canRate, failuresOf: shownFailuresOf, filter, filterCounts: counts, kept, rateable, rated };
}

/** The cells holding a kept sample, each with only the clusters that hold one. */
function narrowCells(cells: readonly CellMetrics[], kept: ReadonlySet<string>): CellMetrics[] {
  const shown: CellMetrics[] = [];
  for (const cell of cells) {
    if (!cell.sampleIds.some((id) => kept.has(id))) continue;
    const clusters = cell.clusters.filter((cluster) => cluster.sampleIds.some((id) => kept.has(id)));
    shown.push(clusters.length === cell.clusters.length ? cell : { ...cell, clusters });
  }
  return shown;
}

interface Axes {
  models: string[];
  temperatures: number[];
  cases: string[];
}

function axesOf(run: Axes, cells: readonly CellMetrics[]): Axes {
  const models = new Set(cells.map((cell) => cell.model));
  const temperatures = new Set(cells.map((cell) => cell.temperature));
  const cases = new Set(cells.map((cell) => cell.case));
  return { models: run.models.filter((model) => models.has(model)), temperatures: run.temperatures.filter((value) => temperatures.has(value)), cases: run.cases.filter((name) => cases.has(name)) };
}
