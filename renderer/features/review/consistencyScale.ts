// Consistency (0..1) as a colour and as words. The scale runs from amber (answers differ) to teal
// (answers agree): a blue–yellow axis that stays readable with the common colour-vision deficiencies,
// and the number is always printed beside it, so the colour is never the only carrier.
import { needsAtLeast } from './formatFigures';

/** Five steps are easier to tell apart at a glance than a continuous ramp. */
export const CONSISTENCY_STEPS = 5;

/** The step (0..4) of a value, or null when there is nothing to measure. */
export function consistencyStep(value: number | null): number | null {
  if (value === null || Number.isNaN(value)) return null;
  return Math.min(CONSISTENCY_STEPS - 1, Math.max(0, Math.floor(value * CONSISTENCY_STEPS)));
}

export function consistencyWords(value: number): string {
  if (value >= 0.9) return 'very consistent';
  if (value >= 0.7) return 'mostly consistent';
  if (value >= 0.4) return 'mixed';
  return 'inconsistent';
}

/** "0.82"; "—" for nothing to measure. */
export function formatConsistency(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** What the cell's consistency chip says when hovered: the figure in words, or why there is none. */
export function consistencyTitle(cell: { ok: number; consistency: number | null }, measuring: boolean): string {
  if (measuring) return 'Measuring consistency…';
  if (cell.consistency !== null) return `Consistency ${formatConsistency(cell.consistency)}: ${consistencyWords(cell.consistency)}`;
  return `No consistency: it compares the cell’s answers with each other and ${needsAtLeast('answers')}; this cell has ${cell.ok}`;
}
