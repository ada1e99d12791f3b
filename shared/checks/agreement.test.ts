import { describe, expect, it } from 'vitest';
import { agreementOf } from './agreement';

describe('agreementOf', () => {
  it('matches the worked textbook example computed by hand', () => {
    // The classic example (Wikipedia, "Cohen's kappa"): 50 proposals, two readers.
    // a = 20 (both yes), b = 5, c = 10, d = 15.
    // p_o = (20 + 15) / 50 = 0.7
    // judge says pass 25/50 = 0.5, people say good 30/50 = 0.6
    // p_e = 0.5·0.6 + 0.5·0.4 = 0.5
    // κ = (0.7 − 0.5) / (1 − 0.5) = 0.4
    // SE = √(0.7·0.3 / (50·0.25)) = √0.0168 = 0.129615
    // 95%: 0.4 ± 1.959964·0.129615 = 0.4 ± 0.254040 → [0.145960, 0.654040]
    const result = agreementOf({ passGood: 20, passBad: 5, failGood: 10, failBad: 15 });
    expect(result.n).toBe(50);
    expect(result.agreement).toBeCloseTo(0.7, 10);
    expect(result.kappa).toBeCloseTo(0.4, 10);
    expect(result.low).toBeCloseTo(0.14596, 4);
    expect(result.high).toBeCloseTo(0.65404, 4);
    expect(result.note).toBeNull();
  });

  it('gives kappa 0 when agreement is exactly what chance predicts', () => {
    // Margins 0.5 and 0.5, p_o = 0.5 = p_e.
    const result = agreementOf({ passGood: 10, passBad: 10, failGood: 10, failBad: 10 });
    expect(result.agreement).toBe(0.5);
    expect(result.kappa).toBeCloseTo(0, 12);
  });

  it('is negative when the judge disagrees more than chance, and clips the interval at -1', () => {
    const result = agreementOf({ passGood: 0, passBad: 3, failGood: 3, failBad: 0 });
    expect(result.agreement).toBe(0);
    expect(result.kappa).toBeCloseTo(-1, 12);
    expect(result.low).toBe(-1);
  });

  it('has no kappa when everything is in one class, and says why', () => {
    const result = agreementOf({ passGood: 7, passBad: 0, failGood: 0, failBad: 0 });
    expect(result).toMatchObject({ n: 7, agreement: 1, kappa: null, low: null, high: null });
    expect(result.note).toMatch(/one answer only/);
  });

  it('has nothing to say with n = 0', () => {
    expect(agreementOf({ passGood: 0, passBad: 0, failGood: 0, failBad: 0 })).toMatchObject({ n: 0, agreement: null, kappa: null, note: expect.stringMatching(/no sample/) });
  });

  it('has a perfect kappa with a zero-width interval at full agreement over both classes', () => {
    const result = agreementOf({ passGood: 4, passBad: 0, failGood: 0, failBad: 6 });
    expect(result).toMatchObject({ agreement: 1, kappa: 1, low: 1, high: 1 });
  });
});
