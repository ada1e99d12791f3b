// Per-cell figures for a finished (or running) run: how many answers came back, how many of them
// differ, how dominant the most common one is, their length, tokens, cost and latency. The review
// grid and the CLI's summary table both read these, so they are defined once, here.
import { roundUsd } from './money';
import type { Sample } from './runs';

export interface CellKey {
  model: string;
  temperature: number;
  case: string;
}

export interface CellStats extends CellKey {
  total: number;
  ok: number;
  errors: number;
  pending: number;
  /** Distinct outputs among the ok samples, after whitespace normalisation. */
  distinct: number;
  /** Share (0–1) of ok samples that gave the most common output; null with no ok samples. */
  mostCommonShare: number | null;
  /** Mean output length in characters over ok samples; null with none. */
  meanLength: number | null;
  inputTokens: number;
  outputTokens: number;
  /** null when no sample in the cell has a known cost. */
  costUsd: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

const NEEDS_COLLAPSING = /\s\s|[^\S ]/;

/** Runs of whitespace count as one space, and leading or trailing whitespace does not count. */
export function normaliseOutput(text: string): string {
  const trimmed = text.trim();
  // Most outputs have nothing but single spaces inside; testing is several times cheaper than
  // rewriting, and this runs over every output whenever a run's metrics are computed.
  return NEEDS_COLLAPSING.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** Nearest-rank percentile of already sorted values; null for none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? null;
}

export function cellKeyOf(sample: Pick<Sample, 'model' | 'temperature' | 'case'>): string {
  return `${sample.model}\u0000${sample.temperature}\u0000${sample.case}`;
}

/**
 * `identical`: the ok samples' answers already grouped by normalised text (groupIdentical, in the
 * samples' order), when the caller has them: the review's metrics do, and normalising every
 * output is most of the work here.
 */
export function statsForCell(key: CellKey, samples: readonly Sample[], identical?: readonly { members: readonly number[] }[]): CellStats {
  const ok = samples.filter((sample) => sample.status === 'ok');
  const sizes = identical ? identical.map((group) => group.members.length) : identicalCounts(ok);
  const top = Math.max(0, ...sizes);
  const latencies = ok.map((sample) => sample.latencyMs).filter((value): value is number => value !== null).sort((a, b) => a - b);
  const costs = samples.map((sample) => sample.costUsd).filter((value): value is number => value !== null);
  return {
    ...key,
    total: samples.length,
    ok: ok.length,
    errors: samples.filter((sample) => sample.status === 'error').length,
    pending: samples.filter((sample) => sample.status === 'pending').length,
    distinct: sizes.length,
    mostCommonShare: ok.length > 0 ? top / ok.length : null,
    meanLength: ok.length > 0 ? ok.reduce((sum, sample) => sum + (sample.output ?? '').length, 0) / ok.length : null,
    inputTokens: samples.reduce((sum, sample) => sum + (sample.inputTokens ?? 0), 0),
    outputTokens: samples.reduce((sum, sample) => sum + (sample.outputTokens ?? 0), 0),
    costUsd: costs.length > 0 ? roundUsd(costs.reduce((sum, value) => sum + value, 0)) : null,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
  };
}

/** How many times each distinct answer (after normalisation) was given. */
function identicalCounts(ok: readonly Sample[]): number[] {
  const counts = new Map<string, number>();
  for (const sample of ok) {
    const text = normaliseOutput(sample.output ?? '');
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts.values()];
}

/** Groups samples into cells, in the order models × temperatures × cases of the run. */
export function statsByCell(samples: readonly Sample[], order: { models: readonly string[]; temperatures: readonly number[]; cases: readonly string[] }): CellStats[] {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = cellKeyOf(sample);
    const group = groups.get(key);
    if (group) group.push(sample);
    else groups.set(key, [sample]);
  }
  const cells: CellStats[] = [];
  for (const model of order.models) {
    for (const temperature of order.temperatures) {
      for (const caseName of order.cases) {
        const key = { model, temperature, case: caseName };
        const group = groups.get(cellKeyOf(key));
        if (group) cells.push(statsForCell(key, group));
      }
    }
  }
  return cells;
}
