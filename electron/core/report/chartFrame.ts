// What the report's charts share: the drawing area, scales, axes with ticks, the series colours
// and the legend. Pure string building, no DOM. Colours and scales come from
// shared/charts/chartStyle.ts, as in the review's charts; the page's stylesheet sets the colours
// for light and dark (reportStyles.ts).
import { seriesVariable } from '../../../shared/charts/chartStyle';
import { html, joinHtml, type SafeHtml } from './safeHtml';

/** The n-th series colour, as the custom property the report's stylesheet sets for both themes. */
export function seriesColour(index: number): string {
  return `var(${seriesVariable(index)})`;
}

/** The colour of the n-th of two compared runs (A, B). */
export function comparedRunColour(index: number): string {
  return `var(--run-${index + 1})`;
}

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_SIZE: ChartSize = { width: 440, height: 260 };
const MARGIN = { top: 14, right: 16, bottom: 40, left: 46 };

export interface Plot {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function plotArea(size: ChartSize): Plot {
  return {
    width: size.width,
    height: size.height,
    left: MARGIN.left,
    top: MARGIN.top,
    right: size.width - MARGIN.right,
    bottom: size.height - MARGIN.bottom,
  };
}

/** Maps a value in [min, max] to a coordinate in [from, to]; a zero-width domain maps to the middle. */
export function linearScale(min: number, max: number, from: number, to: number): (value: number) => number {
  if (max === min) return () => (from + to) / 2;
  return (value) => from + ((value - min) / (max - min)) * (to - from);
}

/** Short, exact-looking tick labels: 0, 0.7, 1.25, 3. */
export function tickLabel(value: number): string {
  return Number(value.toFixed(2)).toString();
}

/** Coordinates are rounded to 0.1 px: smaller files, no visible difference. */
export function px(value: number): string {
  return Number(value.toFixed(1)).toString();
}

export interface AxisSpec {
  /** Tick positions along x with their labels (categories or numbers). */
  xTicks: { at: number; label: string }[];
  yTicks: number[];
  y: (value: number) => number;
  xLabel: string;
  yLabel: string;
}

export function axes(plot: Plot, spec: AxisSpec): SafeHtml {
  const grid = spec.yTicks.map(
    (tick) => html`<line class="grid" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(spec.y(tick))}" y2="${px(spec.y(tick))}"/><text class="tick" x="${px(plot.left - 6)}" y="${px(spec.y(tick) + 4)}" text-anchor="end">${tickLabel(tick)}</text>`,
  );
  const xTicks = spec.xTicks.map(
    (tick) => html`<line class="axis" x1="${px(tick.at)}" x2="${px(tick.at)}" y1="${px(plot.bottom)}" y2="${px(plot.bottom + 4)}"/><text class="tick" x="${px(tick.at)}" y="${px(plot.bottom + 16)}" text-anchor="middle">${tick.label}</text>`,
  );
  const middleY = (plot.top + plot.bottom) / 2;
  return html`<g class="axes">${grid}<line class="axis" x1="${px(plot.left)}" x2="${px(plot.right)}" y1="${px(plot.bottom)}" y2="${px(plot.bottom)}"/><line class="axis" x1="${px(plot.left)}" x2="${px(plot.left)}" y1="${px(plot.top)}" y2="${px(plot.bottom)}"/>${xTicks}<text class="label" x="${px((plot.left + plot.right) / 2)}" y="${px(plot.height - 6)}" text-anchor="middle">${spec.xLabel}</text><text class="label" transform="translate(12 ${px(middleY)}) rotate(-90)" text-anchor="middle">${spec.yLabel}</text></g>`;
}

/** A line across the middle of the plot saying there is nothing to draw yet. */
export function emptyNote(plot: Plot, text: string): SafeHtml {
  return html`<text class="empty" x="${px((plot.left + plot.right) / 2)}" y="${px((plot.top + plot.bottom) / 2)}" text-anchor="middle">${text}</text>`;
}

export interface LegendEntry {
  name: string;
  colour: string;
  dashed?: boolean;
}

/** The figure around a chart: title, the SVG (with a text title for screen readers), then the legend. */
export function chartFigure(title: string, svg: SafeHtml, legend: readonly LegendEntry[]): SafeHtml {
  const entries = legend.map(
    (entry) =>
      html`<li><svg width="22" height="10" aria-hidden="true"><line x1="1" x2="21" y1="5" y2="5" stroke="${entry.colour}" stroke-width="2.5"${entry.dashed ? html` stroke-dasharray="4 3"` : ''}/></svg>${entry.name}</li>`,
  );
  return html`<figure class="chart"><figcaption>${title}</figcaption>${svg}${legend.length > 0 ? html`<ul class="legend">${joinHtml(entries)}</ul>` : ''}</figure>`;
}

export function svgRoot(size: ChartSize, title: string, body: readonly (SafeHtml | string)[]): SafeHtml {
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" role="img" aria-label="${title}"><title>${title}</title>${body}</svg>`;
}
