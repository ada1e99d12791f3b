// One look for a run's charts, wherever they are drawn: the review's Charts tab (recharts) and the
// HTML report (inline SVG). The series colours for both themes, the shades that tell two compared
// runs apart, and the scale each chart plots on live here, so the two can never drift apart.

export interface ThemedColour {
  light: string;
  dark: string;
}

/**
 * Series colours, one per model in turn (more models reuse them). Chosen to stay apart for the
 * common colour-vision deficiencies and to read on either background.
 */
export const SERIES_PALETTE: readonly ThemedColour[] = [
  { light: '#5b5bd6', dark: '#8b8cf2' },
  { light: '#d97706', dark: '#f5a524' },
  { light: '#0e9f8e', dark: '#3fd1bd' },
  { light: '#d6336c', dark: '#f06595' },
  { light: '#2f80c9', dark: '#64b5f6' },
  { light: '#7a9a01', dark: '#b5d334' },
  { light: '#8e44ad', dark: '#c39bd3' },
  { light: '#6b7280', dark: '#a1a1aa' },
];

/** Two compared runs, A (before) lighter and B (after) darker: neutral, so not read as a model's colour. */
export const COMPARED_RUNS_PALETTE: readonly ThemedColour[] = [
  { light: '#a3acb9', dark: '#545d68' },
  { light: '#475569', dark: '#aab4c1' },
];

/** The palette entry of the n-th series. */
export function seriesSlot(index: number): number {
  return index % SERIES_PALETTE.length;
}

/** The CSS custom property that holds the n-th series colour: `--chart-1` … `--chart-8`. */
export function seriesVariable(index: number): string {
  return `--chart-${seriesSlot(index) + 1}`;
}

export interface ChartScale {
  domain: [number, number];
  ticks: number[];
}

/** Mean rating on the 1–5 scale people rate on. */
export const RATING_SCALE: ChartScale = { domain: [1, 5], ticks: [1, 2, 3, 4, 5] };
/** Consistency, 0 (every answer different) to 1 (always the same answer). */
export const CONSISTENCY_SCALE: ChartScale = { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };

/** The temperature axis: the swept range, widened around a single temperature so its point is not on the edge. */
export function temperatureDomain(temperatures: readonly number[]): [number, number] {
  if (temperatures.length === 0) return [0, 1];
  const low = Math.min(...temperatures);
  const high = Math.max(...temperatures);
  return low === high ? [Math.max(0, low - 0.5), high + 0.5] : [low, high];
}

/** CSS declarations of the series colours as custom properties, for one theme. */
export function paletteDeclarations(theme: keyof ThemedColour): string {
  return SERIES_PALETTE.map((colour, index) => `${seriesVariable(index)}: ${colour[theme]};`).join(' ');
}
