// The numbers behind the run's charts (docs/architecture.md: rating and consistency against temperature, one
// line per model; plus how long outputs run and how ratings spread). Data only: drawing belongs to
// the renderer, and these stay testable without it.
import type { CellKey } from '../cellStats';
import type { SampleRating } from '../ratings';
import type { Sample } from '../runs';
import type { CellMetrics } from './cellMetrics';
import { fiveNumberSummary, meanInterval, type FiveNumberSummary } from './summaryStats';

/** One line of a chart: a model's points, by ascending temperature. */
export interface ModelSeries<Point> {
  model: string;
  points: Point[];
}

/** Mean rating at one temperature, over every rated sample of that model and temperature (all cases). */
export interface RatingPoint {
  temperature: number;
  /** null when nothing at this temperature is rated yet. */
  mean: number | null;
  n: number;
  /** mean ± 1.96·sd/√n (not clamped to 1..5); null when n < 2. */
  low: number | null;
  high: number | null;
}

/** Mean consistency at one temperature over the model's cells (one per case) that have a consistency. */
export interface ConsistencyPoint {
  temperature: number;
  /** null when no cell at this temperature has a consistency (two ok outputs or more). */
  mean: number | null;
  /** Cells that went into the mean. */
  cells: number;
  /** mean ± 1.96·sd/√cells, as for ratings (not clamped to 0..1); null with fewer than two cells. */
  low: number | null;
  high: number | null;
}

/** Output lengths in characters of one cell's ok samples, for a box plot. */
export interface CellLengths extends CellKey {
  n: number;
  /** null when the cell has no ok output. */
  lengths: FiveNumberSummary | null;
}

export interface RatingCount {
  rating: 1 | 2 | 3 | 4 | 5;
  count: number;
}

/** Models in the order of the metrics (the run's order), each with its temperatures ascending. */
function temperaturesByModel(metrics: readonly CellMetrics[]): Map<string, number[]> {
  const byModel = new Map<string, Set<number>>();
  for (const cell of metrics) {
    const temperatures = byModel.get(cell.model) ?? new Set<number>();
    temperatures.add(cell.temperature);
    byModel.set(cell.model, temperatures);
  }
  return new Map([...byModel].map(([model, temperatures]) => [model, [...temperatures].sort((a, b) => a - b)]));
}

const pointKey = (model: string, temperature: number) => `${model}\u0000${temperature}`;

export function ratingByTemperature(metrics: readonly CellMetrics[], samples: readonly Sample[], ratings: readonly SampleRating[]): ModelSeries<RatingPoint>[] {
  const sampleById = new Map(samples.map((sample) => [sample.sampleId, sample]));
  const values = new Map<string, number[]>();
  for (const { sampleId, rating } of ratings) {
    const sample = sampleById.get(sampleId);
    if (rating === null || !sample) continue;
    const key = pointKey(sample.model, sample.temperature);
    const list = values.get(key) ?? [];
    list.push(rating);
    values.set(key, list);
  }
  return [...temperaturesByModel(metrics)].map(([model, temperatures]) => ({
    model,
    points: temperatures.map((temperature) => {
      const interval = meanInterval(values.get(pointKey(model, temperature)) ?? []);
      return { temperature, mean: interval?.mean ?? null, n: interval?.n ?? 0, low: interval?.low ?? null, high: interval?.high ?? null };
    }),
  }));
}

export function consistencyByTemperature(metrics: readonly CellMetrics[]): ModelSeries<ConsistencyPoint>[] {
  return [...temperaturesByModel(metrics)].map(([model, temperatures]) => ({
    model,
    points: temperatures.map((temperature) => {
      const values = metrics
        .filter((cell) => cell.model === model && cell.temperature === temperature)
        .map((cell) => cell.consistency)
        .filter((value): value is number => value !== null);
      const interval = meanInterval(values);
      return { temperature, mean: interval?.mean ?? null, cells: values.length, low: interval?.low ?? null, high: interval?.high ?? null };
    }),
  }));
}

/** Per cell, in the order of the metrics. */
export function lengthDistribution(metrics: readonly CellMetrics[], samples: readonly Sample[]): CellLengths[] {
  const sampleById = new Map(samples.map((sample) => [sample.sampleId, sample]));
  return metrics.map((cell) => {
    const lengths = cell.sampleIds
      .map((id) => sampleById.get(id))
      .filter((sample): sample is Sample => sample?.status === 'ok')
      .map((sample) => (sample.output ?? '').length);
    return { model: cell.model, temperature: cell.temperature, case: cell.case, n: lengths.length, lengths: fiveNumberSummary(lengths) };
  });
}

/** How many samples got each rating, 1 to 5 (all five always present); cleared ratings do not count. */
export function ratingDistribution(ratings: readonly SampleRating[]): RatingCount[] {
  const counts: RatingCount[] = ([1, 2, 3, 4, 5] as const).map((rating) => ({ rating, count: 0 }));
  for (const { rating } of ratings) {
    const bucket = rating === null ? undefined : counts[rating - 1];
    if (bucket) bucket.count += 1;
  }
  return counts;
}
