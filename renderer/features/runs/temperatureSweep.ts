// The temperatures of a sweep, typed as a list ("0, 0.7, 1.2") or generated from a range
// ("0 to 1.5 step 0.5"). Values are kept sorted and unique, so the grid's rows read in order.

/** Most a run takes (the contract's limit). */
export const MAX_TEMPERATURES = 50;
const MAX = 2;

export interface ParsedTemperatures {
  values: number[];
  error: string | null;
}

export function parseTemperatures(text: string): ParsedTemperatures {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return { values: [], error: 'Give at least one temperature, e.g. 0, 0.7, 1.' };
  const values: number[] = [];
  for (const part of parts) {
    const value = Number(part);
    if (!Number.isFinite(value)) return { values: [], error: `“${part}” is not a number.` };
    if (value < 0 || value > MAX) return { values: [], error: `Temperatures go from 0 to ${MAX}; ${part} is outside.` };
    values.push(value);
  }
  const unique = [...new Set(values)].sort((a, b) => a - b);
  if (unique.length > MAX_TEMPERATURES) return { values: [], error: `A run takes at most ${MAX_TEMPERATURES} temperatures.` };
  return { values: unique, error: null };
}

/** from, from + step, … up to and including `to` when a step lands on it. */
export function generateTemperatures(from: number, to: number, step: number): ParsedTemperatures {
  if (![from, to, step].every(Number.isFinite)) return { values: [], error: 'Give numbers for from, to and step.' };
  if (step <= 0) return { values: [], error: 'The step must be more than 0.' };
  if (from > to) return { values: [], error: '“From” must not be more than “to”.' };
  if (from < 0 || to > MAX) return { values: [], error: `Temperatures go from 0 to ${MAX}.` };
  // A little slack so 0.1 steps reach 1.0 despite floating point.
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_TEMPERATURES) return { values: [], error: `That makes ${count} temperatures; a run takes at most ${MAX_TEMPERATURES}.` };
  const values = Array.from({ length: count }, (_, index) => round(from + index * step));
  return { values, error: null };
}

export function formatTemperatures(values: readonly number[]): string {
  return values.join(', ');
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
