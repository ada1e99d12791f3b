// Builds the SVG file a chart is exported as: the chart's own drawing (already carrying its colours
// as attributes), under a header with the chart's title and legend, on the theme's background.
// Pure string work, so it is unit-tested without a browser.

export interface LegendEntry {
  label: string;
  colour: string;
}

export interface StandaloneSvgInput {
  title: string;
  legend: readonly LegendEntry[];
  /** The chart's children, serialised. */
  body: string;
  width: number;
  height: number;
  background: string;
  text: string;
  muted: string;
  fontFamily: string;
}

const PAD = 16;
const TITLE_HEIGHT = 28;
const LEGEND_ROW = 20;
/** No text metrics without a DOM: an average glyph width of 12px UI text, generous enough not to overlap. */
const CHAR_WIDTH = 6.8;
const SWATCH = 10;
const ENTRY_GAP = 18;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[char] as string);
}

interface PlacedEntry extends LegendEntry {
  x: number;
  row: number;
}

/** Legend entries left to right, wrapping onto a new row when the next would pass the width. */
export function layoutLegend(legend: readonly LegendEntry[], width: number): { entries: PlacedEntry[]; rows: number } {
  const entries: PlacedEntry[] = [];
  let x = PAD;
  let row = 0;
  for (const entry of legend) {
    const entryWidth = SWATCH + 6 + entry.label.length * CHAR_WIDTH;
    if (x > PAD && x + entryWidth > width - PAD) {
      row += 1;
      x = PAD;
    }
    entries.push({ ...entry, x, row });
    x += entryWidth + ENTRY_GAP;
  }
  return { entries, rows: legend.length === 0 ? 0 : row + 1 };
}

export function standaloneSvg(input: StandaloneSvgInput): string {
  const { entries, rows } = layoutLegend(input.legend, input.width);
  const header = PAD + TITLE_HEIGHT + rows * LEGEND_ROW;
  const width = Math.ceil(input.width);
  const height = Math.ceil(input.height + header);
  const font = escapeXml(input.fontFamily);
  const legend = entries
    .map((entry) => {
      const y = PAD + TITLE_HEIGHT + entry.row * LEGEND_ROW;
      return (
        `<rect x="${entry.x}" y="${y}" width="${SWATCH}" height="${SWATCH}" rx="2" fill="${escapeXml(entry.colour)}"/>` +
        `<text x="${entry.x + SWATCH + 6}" y="${y + SWATCH - 1}" font-size="12" fill="${escapeXml(input.muted)}">${escapeXml(entry.label)}</text>`
      );
    })
    .join('');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">`,
    `<rect width="${width}" height="${height}" fill="${escapeXml(input.background)}"/>`,
    `<text x="${PAD}" y="${PAD + 14}" font-size="15" font-weight="600" fill="${escapeXml(input.text)}">${escapeXml(input.title)}</text>`,
    legend,
    `<g transform="translate(0 ${header})">${input.body}</g>`,
    `</svg>`,
  ].join('\n');
}

/** A file name from a chart title: "Mean rating by temperature" → "mean-rating-by-temperature". */
export function chartFileName(title: string, extension: 'svg' | 'png'): string {
  const stem = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
  return `${stem}.${extension}`;
}
