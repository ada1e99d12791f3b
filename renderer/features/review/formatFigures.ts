// The cell figures, written for people: shares as percentages, similarities to two places,
// a mean with its spread as "12 ± 3".
import { MIN_TO_COMPARE } from '../../../shared/variance/summaryStats';

export function formatShare(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

export function formatSimilarity(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** "42 ± 5"; "42 ± —" when there is no spread (one value), "—" without a mean; `digits` after the point. */
export function formatMeanSd(mean: number | null, sd: number | null, digits = 0): string {
  if (mean === null) return '—';
  return `${mean.toFixed(digits)} ± ${sd === null ? '—' : sd.toFixed(digits)}`;
}

/** A figure that compares answers, or "—" while there are too few of them (it would say nothing). */
export function whenComparable(count: number, text: string): string {
  return count < MIN_TO_COMPARE ? '—' : text;
}

/** Said in a figure's tooltip: the fewest values it needs ("needs at least 2 answers"). */
export function needsAtLeast(what: 'answers' | 'ratings'): string {
  return `needs at least ${MIN_TO_COMPARE} ${what}`;
}

/** One line of output for a preview: whitespace runs made one space; empty output said so. */
/**
 * A cluster's answer as the grid shows it in a few lines: whitespace run together (the lines are
 * clamped in CSS), cut well past what three lines of the widest cell hold, so a long answer does
 * not put its whole text in the page.
 */
export function clampedText(output: string | null): string {
  const text = (output ?? '').trim().replace(/\s+/g, ' ');
  return text === '' ? '(empty output)' : text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/** The whole answer, line breaks kept, for a cell switched to full text. */
export function fullText(output: string | null): string {
  const text = (output ?? '').trim();
  return text === '' ? '(empty output)' : text;
}

export function previewText(output: string | null): string {
  const text = (output ?? '').trim().replace(/\s+/g, ' ');
  return text === '' ? '(empty output)' : text.length > 240 ? `${text.slice(0, 240)}…` : text;
}
