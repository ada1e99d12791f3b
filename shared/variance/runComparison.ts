// Two runs side by side (typically the same prompt before and after an edit, or on two models'
// worth of settings): the overall figures of each, their differences (b − a), the differences of
// every cell both runs have, and a few sentences saying what changed.
import { cellKeyOf, type CellKey } from '../cellStats';
import type { CellMetrics } from './cellMetrics';
import { describeChanges } from './comparisonSummary';
import { runOverview, type RunMetricsInput, type RunOverview } from './runOverview';

export type { RunMetricsInput, RunOverview } from './runOverview';
export { NOTABLE_CHANGE } from './comparisonSummary';

/** b − a for each figure; null where either run has no value. */
export interface RunDeltas {
  ratingMean: number | null;
  rated: number;
  consistency: number | null;
  distinctShare: number | null;
  errors: number;
  errorRate: number | null;
  schemaValidRate: number | null;
  costUsd: number | null;
  costPerSample: number | null;
  latencyP50Ms: number | null;
}

/** One cell present in both runs, with b − a for what the grid shows. */
export interface CellDelta extends CellKey {
  a: CellMetrics;
  b: CellMetrics;
  ratingMean: number | null;
  consistency: number | null;
  meanSimilarity: number | null;
  distinct: number;
  meanLength: number | null;
  errors: number;
  schemaValidRate: number | null;
}

export interface RunComparison {
  a: RunOverview;
  b: RunOverview;
  deltas: RunDeltas;
  /** Cells present in both runs, in run a's order. */
  cells: CellDelta[];
  /** Plain-language changes beyond NOTABLE_CHANGE (quality, then stability, then cost and speed); ["No notable change."] otherwise. */
  summary: string[];
}

const minus = (b: number | null, a: number | null): number | null => (a === null || b === null ? null : b - a);

function overviewDeltas(a: RunOverview, b: RunOverview): RunDeltas {
  return {
    ratingMean: minus(b.ratingMean, a.ratingMean),
    rated: b.rated - a.rated,
    consistency: minus(b.consistency, a.consistency),
    distinctShare: minus(b.distinctShare, a.distinctShare),
    errors: b.errors - a.errors,
    errorRate: minus(b.errorRate, a.errorRate),
    schemaValidRate: minus(b.schemaValidRate, a.schemaValidRate),
    costUsd: minus(b.costUsd, a.costUsd),
    costPerSample: minus(b.costPerSample, a.costPerSample),
    latencyP50Ms: minus(b.latencyP50Ms, a.latencyP50Ms),
  };
}

function cellDeltas(a: readonly CellMetrics[], b: readonly CellMetrics[]): CellDelta[] {
  const bByKey = new Map(b.map((cell) => [cellKeyOf(cell), cell]));
  const deltas: CellDelta[] = [];
  for (const cellA of a) {
    const cellB = bByKey.get(cellKeyOf(cellA));
    if (!cellB) continue;
    deltas.push({
      model: cellA.model,
      temperature: cellA.temperature,
      case: cellA.case,
      a: cellA,
      b: cellB,
      ratingMean: minus(cellB.ratingMean, cellA.ratingMean),
      consistency: minus(cellB.consistency, cellA.consistency),
      meanSimilarity: minus(cellB.meanSimilarity, cellA.meanSimilarity),
      distinct: cellB.distinct - cellA.distinct,
      meanLength: minus(cellB.meanLength, cellA.meanLength),
      errors: cellB.errors - cellA.errors,
      schemaValidRate: minus(cellB.schemaValidRate, cellA.schemaValidRate),
    });
  }
  return deltas;
}

export function compareRuns(a: RunMetricsInput, b: RunMetricsInput): RunComparison {
  const overviewA = runOverview(a);
  const overviewB = runOverview(b);
  return {
    a: overviewA,
    b: overviewB,
    deltas: overviewDeltas(overviewA, overviewB),
    cells: cellDeltas(a.metrics, b.metrics),
    summary: describeChanges(overviewA, overviewB),
  };
}
