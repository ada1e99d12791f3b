import { describe, expect, it } from 'vitest';
import { describeChange, formatChange, passRateChange, samplesPerSide } from './passRateChange';

const change = (before: [number, number], after: [number, number]) => passRateChange({ passed: before[0], total: before[1] }, { passed: after[0], total: after[1] });

describe('passRateChange: Newcombe’s hybrid score interval for after − before', () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions",
  // Statistics in Medicine 17:873–890, Table II, method 10, four decimals.
  it.each([
    { before: [48, 80], after: [56, 70], low: 0.0524, high: 0.3339 },
    { before: [3, 10], after: [9, 10], low: 0.1705, high: 0.809 },
    { before: [2, 7], after: [6, 7], low: 0.0582, high: 0.8062 },
    { before: [0, 29], after: [5, 56], low: -0.0381, high: 0.1926 },
    { before: [0, 20], after: [0, 10], low: -0.1611, high: 0.2775 },
  ] as const)('$after vs $before gives [$low, $high] as Newcombe published', ({ before, after, low, high }) => {
    const result = change([...before], [...after]);
    expect(result?.low).toBeCloseTo(low, 4);
    expect(result?.high).toBeCloseTo(high, 4);
  });

  it('0/10 against 0/10: the Wilson upper bound z²/(n + z²) = 3.8415/13.8415 = 0.2775 either way, so no verdict', () => {
    const result = change([0, 10], [0, 10]);
    expect(result).toMatchObject({ difference: 0, verdict: "can't tell yet", samplesToDecide: null });
    expect(result?.low).toBeCloseTo(-0.2775, 4);
    expect(result?.high).toBeCloseTo(0.2775, 4);
    expect(describeChange(result!)).toBe("can't tell yet: the rates are the same so far");
  });

  it('10/10 against 0/10: 1 − √(0.2775² + 0.2775²) = 0.6075 above 0, so better; the reverse is worse', () => {
    const better = change([0, 10], [10, 10]);
    expect(better?.low).toBeCloseTo(0.6075, 4);
    expect(better).toMatchObject({ high: 1, verdict: 'better', samplesToDecide: null });
    expect(change([10, 10], [0, 10])).toMatchObject({ low: -1, verdict: 'worse' });
    expect(describeChange(better!)).toBe('better');
  });

  it('is null when a side has nothing decided', () => {
    expect(change([0, 0], [3, 4])).toBeNull();
    expect(change([3, 4], [0, 0])).toBeNull();
  });
});

describe('samples to decide: two proportions, two-sided 5%, 80% power (Fleiss, no continuity correction)', () => {
  it('0.5 against 0.6 needs 388 per side', () => {
    // p̄ = 0.55: 1.95996·√(2·0.55·0.45) = 1.37895; 0.84162·√(0.25 + 0.24) = 0.58913;
    // (1.37895 + 0.58913)² / 0.1² = 3.87334 / 0.01 = 387.3, so 388.
    expect(samplesPerSide(0.5, 0.6)).toBe(388);
    expect(samplesPerSide(0.6, 0.5)).toBe(388);
  });

  it('0.8 against 0.9 needs 199 per side', () => {
    // p̄ = 0.85: 1.95996·√(2·0.85·0.15) = 0.98953; 0.84162·√(0.16 + 0.09) = 0.42081;
    // (0.98953 + 0.42081)² / 0.01 = 198.9, so 199.
    expect(samplesPerSide(0.8, 0.9)).toBe(199);
  });

  it('equal rates: no number of samples decides it', () => {
    expect(samplesPerSide(0.7, 0.7)).toBeNull();
  });

  it('10/20 against 12/20 cannot tell yet; 388 per side would, 368 more than each has', () => {
    const result = change([10, 20], [12, 20]);
    expect(result).toMatchObject({ verdict: "can't tell yet", samplesToDecide: { perSide: 388, more: 368 } });
    expect(describeChange(result!)).toBe("can't tell yet: about 368 more samples per side would decide it");
    expect(formatChange(result!)).toMatch(/^\+10 pts \[−\d+, \+\d+\]$/);
  });

  it('counts from the smaller side when the sides differ', () => {
    // 16/20 against 45/50: 0.8 against 0.9, 199 per side; the side of 20 needs 179 more.
    expect(change([16, 20], [45, 50])).toMatchObject({ verdict: "can't tell yet", samplesToDecide: { perSide: 199, more: 179 } });
  });
});
