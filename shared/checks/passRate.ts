// How often a cell passes its checks, and how sure that is. A cell is sampled n times; k passed.
// The pass rate's 95% interval is Wilson's score interval, which stays inside [0, 1] and is sound
// at k = 0 or k = n and for small n, where the textbook p ± 1.96·se is not.
//
// pass^N is the chance that N fresh samples all pass, p^N. Its estimate is (k/n)^N; since p^N
// rises with p, the Wilson bounds raised to the N-th power bound it with the same 95% coverage.

const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

export type PassLabel = 'stable pass' | 'stable fail' | 'flaky' | 'no samples';

export interface PassRate extends Interval {
  passed: number;
  total: number;
  /** k/n; null with no samples. */
  rate: number | null;
  label: PassLabel;
  /** The chance that `passN.n` fresh samples all pass, with its interval. */
  passN: { n: number; estimate: number | null } & Interval;
}

/** pass^N is reported for this N unless asked otherwise. */
export const DEFAULT_PASS_N = 5;

export function wilsonInterval(passed: number, total: number, z = Z95): Interval {
  if (total <= 0) return { low: 0, high: 1 };
  const p = passed / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const centre = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  // At k = 0 and k = n the bound is exactly 0 or 1; rounding must not leave it a hair off.
  return { low: passed === 0 ? 0 : Math.max(0, centre - half), high: passed === total ? 1 : Math.min(1, centre + half) };
}

export function passLabel(passed: number, total: number): PassLabel {
  if (total === 0) return 'no samples';
  if (passed === total) return 'stable pass';
  if (passed === 0) return 'stable fail';
  return 'flaky';
}

export function passRate(passed: number, total: number, n = DEFAULT_PASS_N): PassRate {
  const interval = wilsonInterval(passed, total);
  const rate = total > 0 ? passed / total : null;
  return {
    passed,
    total,
    rate,
    ...interval,
    label: passLabel(passed, total),
    passN: { n, estimate: rate === null ? null : rate ** n, low: interval.low ** n, high: interval.high ** n },
  };
}

/** "18/20 pass · 90% [70%, 97%]" style figures, shared by the CLI and the app. */
export function formatPassRate(rate: PassRate): string {
  if (rate.rate === null) return 'no samples';
  return `${rate.passed}/${rate.total} · ${percent(rate.rate)} [${percent(rate.low)}, ${percent(rate.high)}]`;
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}
