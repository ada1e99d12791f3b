// Dollar amounts come from token counts times prices per million tokens, and sums of those, which
// leave binary noise behind (0.000020399999999999998 for 0.0000204). Every amount the app keeps or
// writes out (the database, exports, the CLI's JSON) is rounded to ten significant digits: exact
// for any real price and token count, short to read, and still a plain number for scripts.
export const USD_SIGNIFICANT_DIGITS = 10;

export function roundUsd(usd: number): number {
  return Number.isFinite(usd) ? Number(usd.toPrecision(USD_SIGNIFICANT_DIGITS)) : usd;
}

/** The same for an amount that may be unknown (null stays null). */
export function roundUsdOrNull(usd: number | null): number | null {
  return usd === null ? null : roundUsd(usd);
}
