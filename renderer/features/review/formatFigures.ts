// The cell figures, written for people: shares as percentages, similarities to two places,
// a mean with its spread as "12 ± 3".

export function formatShare(value: number | null): string {
  return value === null ? '—' : `${Math.round(value * 100)}%`;
}

export function formatSimilarity(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** "42 ± 5", "42" without a spread, "—" without a mean; `digits` after the point. */
export function formatMeanSd(mean: number | null, sd: number | null, digits = 0): string {
  if (mean === null) return '—';
  return sd === null ? mean.toFixed(digits) : `${mean.toFixed(digits)} ± ${sd.toFixed(digits)}`;
}

/** One line of output for a preview: whitespace runs made one space; empty output said so. */
export function previewText(output: string | null): string {
  const text = (output ?? '').trim().replace(/\s+/g, ' ');
  return text === '' ? '(empty output)' : text.length > 240 ? `${text.slice(0, 240)}…` : text;
}
