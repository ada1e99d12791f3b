// Did the pass rate change between two runs (or two versions), or is the difference still noise?
//
// The difference after − before gets Newcombe's hybrid score interval (his method 10, 1998): built
// from each side's Wilson interval, the one the pass rates already show, so it stays sound at 0/n
// and n/n and for small n where the textbook p₂ − p₁ ± 1.96·se is not. "better" when the whole 95%
// interval is above 0, "worse" when it is below, else "can't tell yet".
//
// For "can't tell yet", how many samples per side would decide it if the rates stay as observed:
// the classical two-proportion sample size (Fleiss, without continuity correction) for a two-sided
// 5% test with 80% power,
//   n = (z₀.₉₇₅·√(2·p̄·(1 − p̄)) + z₀.₈·√(p₁(1 − p₁) + p₂(1 − p₂)))² / (p₂ − p₁)²,  p̄ = (p₁ + p₂)/2,
// i.e. a difference this size would show in four runs out of five with that many samples per side.
// With equal rates no number decides it, and it says so (null).
import { wilsonInterval, type Interval } from './passRate';

const Z95 = 1.959963984540054;
const Z_POWER_80 = 0.8416212335729143;

export type ChangeVerdict = 'better' | 'worse' | "can't tell yet";

export interface PassCount {
  passed: number;
  total: number;
}

export interface PassRateChange extends Interval {
  /** after − before, in rate (0.1 is ten points). */
  difference: number;
  verdict: ChangeVerdict;
  /**
   * For "can't tell yet": samples per side that would decide it at the observed rates (at least one
   * more than the smaller side has), and how many more that is for the smaller side; null when the
   * rates are equal (no number would) or when it is decided.
   */
  samplesToDecide: { perSide: number; more: number } | null;
}

/** The change from `before` to `after`; null when either side has no decided samples. */
export function passRateChange(before: PassCount, after: PassCount): PassRateChange | null {
  if (before.total <= 0 || after.total <= 0) return null;
  const p1 = before.passed / before.total;
  const p2 = after.passed / after.total;
  const w1 = wilsonInterval(before.passed, before.total);
  const w2 = wilsonInterval(after.passed, after.total);
  const difference = p2 - p1;
  const low = difference - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2);
  const high = difference + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2);
  const verdict: ChangeVerdict = low > 0 ? 'better' : high < 0 ? 'worse' : "can't tell yet";
  return { difference, low, high, verdict, samplesToDecide: verdict === "can't tell yet" ? samplesToDecide(p1, p2, Math.min(before.total, after.total)) : null };
}

/** Samples per side for 80% power at the observed rates (Fleiss, no continuity correction); null at equal rates. */
export function samplesPerSide(p1: number, p2: number): number | null {
  const difference = p2 - p1;
  if (difference === 0) return null;
  const mean = (p1 + p2) / 2;
  const root = Z95 * Math.sqrt(2 * mean * (1 - mean)) + Z_POWER_80 * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / (difference * difference));
}

function samplesToDecide(p1: number, p2: number, smaller: number): PassRateChange['samplesToDecide'] {
  const needed = samplesPerSide(p1, p2);
  if (needed === null) return null;
  // The formula can say the samples already suffice while this interval still straddles 0 (the two
  // are different approximations): then at least one more sample is needed, not zero.
  const perSide = Math.max(needed, smaller + 1);
  return { perSide, more: perSide - smaller };
}

/** "+12 pts [-3, +27]": a change in percentage points, with its interval. */
export function formatChange(change: Pick<PassRateChange, 'difference' | 'low' | 'high'>): string {
  return `${points(change.difference)} pts [${points(change.low)}, ${points(change.high)}]`;
}

/** What to do about a change, in words: "better", or "can't tell yet: ~120 more samples per side would decide it". */
export function describeChange(change: PassRateChange): string {
  if (change.verdict !== "can't tell yet") return change.verdict;
  if (change.difference === 0) return "can't tell yet: the rates are the same so far";
  const more = change.samplesToDecide?.more;
  return more === undefined ? "can't tell yet" : `can't tell yet: about ${more} more ${more === 1 ? 'sample' : 'samples'} per side would decide it`;
}

function points(value: number): string {
  const rounded = Math.round(value * 100);
  return rounded > 0 ? `+${rounded}` : rounded === 0 ? '0' : `−${-rounded}`;
}
