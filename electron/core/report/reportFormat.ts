// How the report writes its figures: a dash for "no value", ratings to two decimals with their n,
// shares as percentages, costs to the cent (or finer when tiny), latencies in ms or s, deltas signed.

export const NO_VALUE = '–';

export function fixed(value: number | null, digits = 2): string {
  return value === null ? NO_VALUE : value.toFixed(digits);
}

export function percent(share: number | null, digits = 0): string {
  return share === null ? NO_VALUE : `${(share * 100).toFixed(digits)}%`;
}

/** `3.85 ± 0.61 (n=40)`, `4.00 (n=1)`, or a dash with n=0. */
export function ratingText(mean: number | null, sd: number | null, n: number): string {
  if (mean === null) return `${NO_VALUE} (n=0)`;
  return `${mean.toFixed(2)}${sd === null ? '' : ` ± ${sd.toFixed(2)}`} (n=${n})`;
}

export function costText(cost: number | null): string {
  if (cost === null) return 'unknown';
  if (cost === 0) return '$0';
  if (cost < 0.0001) return '<$0.0001';
  return cost < 0.01 ? `$${cost.toFixed(4)}` : `$${cost.toFixed(2)}`;
}

export function msText(ms: number | null): string {
  if (ms === null) return NO_VALUE;
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** b − a with its sign (`+0.25`, `−3`), a dash when either is missing; `unit` follows the number. */
export function deltaText(delta: number | null, digits = 2, unit = ''): string {
  if (delta === null) return NO_VALUE;
  const rounded = Number(delta.toFixed(digits));
  if (rounded === 0) return `±0${unit}`;
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(digits)}${unit}`;
}

/** `2026-11-21 16:33 UTC` from an ISO time: unambiguous wherever the file is opened. */
export function dateText(iso: string | null): string {
  if (iso === null) return NO_VALUE;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Long outputs are cut in the report (the run export has them whole). */
export const MAX_OUTPUT_CHARS = 4000;

export function clipped(text: string, max = MAX_OUTPUT_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n… (${text.length - max} more characters)`;
}
