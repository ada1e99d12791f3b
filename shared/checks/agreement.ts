// How well a judge model agrees with people, on one rubric: the share of samples where they agree,
// and Cohen's kappa, which discounts the agreement two raters would reach by chance given how often
// each says "good". Both are over a 2×2 table: the judge's pass/fail against a person's rating read
// as good or bad (ratings in between are left out by the caller).
//
//                   person: good   person: bad
//   judge: pass          a              b
//   judge: fail          c              d
//
// p_o = (a + d) / n                          observed agreement
// p_e = ((a+b)(a+c) + (c+d)(b+d)) / n²       agreement expected by chance from the margins
// κ   = (p_o − p_e) / (1 − p_e)
// SE  = √(p_o (1 − p_o) / (n (1 − p_e)²))    Cohen's (1960) large-sample standard error
// 95% interval: κ ± 1.96·SE, clipped to [−1, 1]. Like every large-sample interval it is rough for
// small n (at p_o = 1 it has no width at all), so n is always reported with it.

const Z95 = 1.959963984540054;

export interface AgreementTable {
  /** Judge passed, person rated good. */
  passGood: number;
  /** Judge passed, person rated bad. */
  passBad: number;
  /** Judge failed, person rated good. */
  failGood: number;
  /** Judge failed, person rated bad. */
  failBad: number;
}

export interface Agreement {
  n: number;
  /** p_o; null when n = 0. */
  agreement: number | null;
  /** null when n = 0, or when judge and people each used one class only (p_e = 1: kappa is 0/0). */
  kappa: number | null;
  /** The 95% interval of kappa; null with kappa. */
  low: number | null;
  high: number | null;
  /** Why kappa is missing, in words; null when it is there. */
  note: string | null;
}

export function agreementOf(table: AgreementTable): Agreement {
  const { passGood: a, passBad: b, failGood: c, failBad: d } = table;
  const n = a + b + c + d;
  if (n === 0) return { n, agreement: null, kappa: null, low: null, high: null, note: 'no sample was both judged and rated good or bad' };
  const observed = (a + d) / n;
  const chance = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n);
  if (chance >= 1) {
    return {
      n,
      agreement: observed,
      kappa: null,
      low: null,
      high: null,
      note: 'judge and people each gave one answer only, so agreement by chance is 100% and kappa is undefined; rate or judge some outputs of the other kind',
    };
  }
  const kappa = (observed - chance) / (1 - chance);
  const se = Math.sqrt((observed * (1 - observed)) / (n * (1 - chance) ** 2));
  return { n, agreement: observed, kappa, low: Math.max(-1, kappa - Z95 * se), high: Math.min(1, kappa + Z95 * se), note: null };
}
