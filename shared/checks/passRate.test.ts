import { describe, expect, it } from 'vitest';
import { formatPassRate, passLabel, passRate, wilsonInterval } from './passRate';

// Expected values computed by hand from Wilson's formula with z = 1.96 (and checked against
// published tables: 18/20 → [0.699, 0.972], 0/10 → [0, 0.278]).
describe('wilsonInterval', () => {
  it('matches hand-computed intervals', () => {
    const mid = wilsonInterval(18, 20);
    expect(mid.low).toBeCloseTo(0.69897, 4);
    expect(mid.high).toBeCloseTo(0.97214, 4);
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.27753, 4);
    const all = wilsonInterval(10, 10);
    expect(all.low).toBeCloseTo(1 - 0.27753, 4);
    expect(all.high).toBe(1);
    const half = wilsonInterval(1, 2);
    expect(half.low).toBeCloseTo(0.09453, 4);
    expect(half.high).toBeCloseTo(0.90547, 4);
  });

  it('is the whole range with no samples, and narrows as n grows', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    const small = wilsonInterval(9, 10);
    const large = wilsonInterval(900, 1000);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
  });
});

describe('passRate', () => {
  it('estimates pass^N as the rate to the N-th power, bounded by the Wilson bounds to the N-th power', () => {
    const rate = passRate(18, 20, 5);
    expect(rate.rate).toBe(0.9);
    expect(rate.passN.n).toBe(5);
    expect(rate.passN.estimate).toBeCloseTo(0.59049, 5);
    expect(rate.passN.low).toBeCloseTo(0.16683, 3);
    expect(rate.passN.high).toBeCloseTo(0.86823, 3);
  });

  it('labels cells stable pass, stable fail or flaky', () => {
    expect(passLabel(5, 5)).toBe('stable pass');
    expect(passLabel(0, 5)).toBe('stable fail');
    expect(passLabel(3, 5)).toBe('flaky');
    expect(passLabel(0, 0)).toBe('no samples');
    expect(passRate(0, 0).rate).toBeNull();
  });

  it('formats k/n, the rate and the interval', () => {
    expect(formatPassRate(passRate(18, 20))).toBe('18/20 · 90% [70%, 97%]');
    expect(formatPassRate(passRate(0, 0))).toBe('no samples');
  });
});
