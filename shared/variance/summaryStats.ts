// The few descriptive statistics the variance views share, defined once so that a "spread" or an
// "interval" means the same thing in the grid, the charts and the run comparison.

/**
 * The fewest values a spread, an interval, a similarity or a consistency needs: one answer has
 * nothing to differ from. Below it those figures are null, and the app shows "—" and says why.
 */
export const MIN_TO_COMPARE = 2;

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * Sample standard deviation (divides by n − 1): the values are a sample of what the model would
 * say, and the spread of that is what we want. null with fewer than two values.
 */
export function sampleSd(values: readonly number[]): number | null {
  if (values.length < MIN_TO_COMPARE) return null;
  const centre = mean(values) as number;
  let squares = 0;
  for (const value of values) squares += (value - centre) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

export interface MeanInterval {
  mean: number;
  n: number;
  /** mean ± 1.96·sd/√n: the usual normal-approximation 95% interval; null with n < 2. */
  low: number | null;
  high: number | null;
}

/** Mean with its 95% interval; null for no values. Not clamped: the caller knows the scale. */
export function meanInterval(values: readonly number[]): MeanInterval | null {
  const centre = mean(values);
  if (centre === null) return null;
  const sd = sampleSd(values);
  if (sd === null) return { mean: centre, n: values.length, low: null, high: null };
  const half = (1.96 * sd) / Math.sqrt(values.length);
  return { mean: centre, n: values.length, low: centre - half, high: centre + half };
}

export interface FiveNumberSummary {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/**
 * Quantile of ascending values by linear interpolation between closest ranks (the default of R
 * and NumPy), so quartiles of small samples fall between outputs instead of jumping.
 */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(sorted.length - 1, below + 1)] as number;
  return lower + (upper - lower) * (position - below);
}

/** Min, quartiles and max (what a box plot draws); null for no values. */
export function fiveNumberSummary(values: readonly number[]): FiveNumberSummary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => quantile(sorted, q) as number;
  return { min: sorted[0] as number, q1: at(0.25), median: at(0.5), q3: at(0.75), max: sorted[sorted.length - 1] as number };
}
