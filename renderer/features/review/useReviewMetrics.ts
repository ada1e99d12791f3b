import { startTransition, useEffect, useMemo, useState } from 'react';
import type { EmbeddingSimilarity, SampleRating } from '../../../shared/ratings';
import type { RunDetail } from '../../../shared/runs';
import { outputSchemaOf, ratingMap, type CellMetrics } from '../../../shared/variance/cellMetrics';
import { afterPaint } from '../../lib/afterPaint';
import { MetricsEngine, groupCells, type CellGroup, type MetricsChannel } from './metricsEngine';
import type { GridRows } from './reviewPrefs';

export interface ReviewMetrics {
  /** Every cell, in the run's order, without rating figures (see ratingFigures.ts). */
  cells: CellMetrics[];
  ratings: ReadonlyMap<string, SampleRating>;
  /** Some cells still show quick or earlier metrics while the full ones are computed. */
  stale: boolean;
}

/**
 * The run's cell metrics: quick at once, complete a moment later (computed by a Web Worker),
 * recomputed cell by cell as samples, threshold or embedding change. Finished batches re-render as
 * a transition, so a key pressed meanwhile is handled first.
 */
export function useReviewMetrics(detail: RunDetail, threshold: number, embedding: EmbeddingSimilarity | null, rows: GridRows): ReviewMetrics {
  // One engine per mounted review: it caches results (not React state, just a memo across renders)
  // and owns the worker, which ends with the review.
  const [engine] = useState(() => new MetricsEngine(startMetricsWorker));
  useEffect(() => () => engine.dispose(), [engine]);
  const [, setVersion] = useState(0);
  const { samples, output, summary } = detail;
  const { models, temperatures, cases } = summary;
  const groups = useMemo(() => groupCells(samples, { models, temperatures, cases }), [samples, models, temperatures, cases]);
  const settings = useMemo(() => ({ threshold, embedding, outputSchema: outputSchemaOf(output) }), [threshold, embedding, output]);
  useEffect(() => engine.subscribe(() => startTransition(() => setVersion(engine.getVersion()))), [engine]);
  // Background computation, not data fetching: it fills the engine, whose publishing re-renders this.
  // Handing a large run's samples to the worker copies them on this thread, so it waits until the
  // grid with its quick figures is on screen.
  useEffect(() => {
    let cancelFill = () => undefined as void;
    const cancelWait = afterPaint(() => (cancelFill = engine.fill(inGridOrder(groups, rows), settings).cancel));
    return () => {
      cancelWait();
      cancelFill();
    };
  }, [engine, groups, settings, rows]);
  const view = engine.current(groups, settings);
  const ratings = useMemo(() => ratingMap(detail.ratings), [detail.ratings]);
  return { cells: view.cells, ratings, stale: view.exact < groups.length };
}

/** A module worker from the app's own origin: the CSP's `worker-src 'self'` (shared/csp.ts). */
function startMetricsWorker(): MetricsChannel {
  const worker = new Worker(new URL('./metricsWorker.ts', import.meta.url), { type: 'module', name: 'review metrics' });
  worker.onerror = (event) => console.error(`The review's metrics worker stopped (${event.message || 'it could not be loaded'}); the grid keeps its quick figures.`);
  return worker;
}

/** The grid reads row by row: with cases as rows, a model's cases one after another, temperatures across. */
function inGridOrder(groups: readonly CellGroup[], rows: GridRows): CellGroup[] {
  const rank = <T,>(values: readonly T[]) => new Map(values.map((value, index) => [value, index]));
  const models = rank([...new Set(groups.map((group) => group.cell.model))]);
  const cases = rank([...new Set(groups.map((group) => group.cell.case))]);
  const temperatures = rank([...new Set(groups.map((group) => group.cell.temperature))].sort((a, b) => a - b));
  const key = (group: CellGroup) => {
    const [outer, inner] = rows === 'cases' ? [models.get(group.cell.model), cases.get(group.cell.case)] : [cases.get(group.cell.case), models.get(group.cell.model)];
    return [outer ?? 0, inner ?? 0, temperatures.get(group.cell.temperature) ?? 0];
  };
  return [...groups].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return (x[0] as number) - (y[0] as number) || (x[1] as number) - (y[1] as number) || (x[2] as number) - (y[2] as number);
  });
}
