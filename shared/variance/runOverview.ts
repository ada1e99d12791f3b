// One run boiled down to the handful of figures worth comparing between two runs: quality
// (ratings, schema validity), stability (consistency, distinct answers, errors) and what it cost.
import { percentile } from '../cellStats';
import type { SampleRating } from '../ratings';
import type { RunSummary, Sample } from '../runs';
import type { CellMetrics } from './cellMetrics';
import { mean, sampleSd } from './summaryStats';

/** What compareRuns needs of one run. */
export interface RunMetricsInput {
  summary: RunSummary;
  /** metricsByCell of the run. */
  metrics: CellMetrics[];
  samples: readonly Sample[];
  ratings: readonly SampleRating[];
}

export interface RunOverview {
  runId: string;
  ok: number;
  errors: number;
  /** errors / (ok + errors): the share of finished calls that failed; null before any finished. */
  errorRate: number | null;
  /** Over every rated sample of the run. */
  ratingMean: number | null;
  ratingSd: number | null;
  rated: number;
  /** Mean of the cells' consistency (each cell counts once, whatever its N). */
  consistency: number | null;
  /** Distinct answers per ok sample, pooled over cells: 1/N when every cell always said the same, 1 when nothing repeated. */
  distinctShare: number | null;
  /** Share of ok outputs fitting the output schema, pooled over cells; null without a schema. */
  schemaValidRate: number | null;
  /** The run's total, as recorded; null when no sample had a known price. */
  costUsd: number | null;
  /** Mean cost of the samples with a known cost. */
  costPerSample: number | null;
  /** Median latency of ok samples (nearest rank, as in the cell stats). */
  latencyP50Ms: number | null;
}

function pooledSchemaRate(metrics: readonly CellMetrics[]): number | null {
  let valid = 0;
  let checked = 0;
  for (const cell of metrics) {
    if (cell.schemaValidRate === null) continue;
    valid += cell.schemaValidRate * cell.ok;
    checked += cell.ok;
  }
  return checked > 0 ? valid / checked : null;
}

export function runOverview(input: RunMetricsInput): RunOverview {
  const { summary, metrics, samples } = input;
  const ratings = input.ratings.map((entry) => entry.rating).filter((rating): rating is number => rating !== null);
  const finished = summary.ok + summary.errors;
  const okTotal = metrics.reduce((sum, cell) => sum + cell.ok, 0);
  const costs = samples.map((sample) => sample.costUsd).filter((cost): cost is number => cost !== null);
  const latencies = samples
    .filter((sample) => sample.status === 'ok' && sample.latencyMs !== null)
    .map((sample) => sample.latencyMs as number)
    .sort((a, b) => a - b);
  return {
    runId: summary.runId,
    ok: summary.ok,
    errors: summary.errors,
    errorRate: finished > 0 ? summary.errors / finished : null,
    ratingMean: mean(ratings),
    ratingSd: sampleSd(ratings),
    rated: ratings.length,
    consistency: mean(metrics.map((cell) => cell.consistency).filter((value): value is number => value !== null)),
    distinctShare: okTotal > 0 ? metrics.reduce((sum, cell) => sum + cell.distinct, 0) / okTotal : null,
    schemaValidRate: pooledSchemaRate(metrics),
    costUsd: summary.costUsd,
    costPerSample: mean(costs),
    latencyP50Ms: percentile(latencies, 50),
  };
}
