// A bar chart as inline SVG: one bar per category (the ratings 1 to 5), or groups of bars side by
// side when two runs are compared, each bar labelled with its count.
import { DEFAULT_SIZE, axes, chartFigure, emptyNote, linearScale, plotArea, px, seriesColour, svgRoot, type ChartSize } from './chartFrame';
import { html, type SafeHtml } from './safeHtml';

export interface BarGroup {
  /** The category under the bars (e.g. "★3"). */
  label: string;
  /** One value per series, in the order of `series`. */
  values: number[];
}

export interface BarChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  /** One name per bar in a group; a legend is drawn when there are several. */
  series: string[];
  emptyText?: string;
  size?: ChartSize;
  /** One fill per series; defaults to the palette. */
  colours?: string[];
}

/** Ticks at round steps from 0 up to at least `max` (at most about five of them). */
export function countTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? rough);
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

export function svgBarChart(groups: readonly BarGroup[], options: BarChartOptions): SafeHtml {
  const size = options.size ?? DEFAULT_SIZE;
  const plot = plotArea(size);
  const max = Math.max(0, ...groups.flatMap((group) => group.values));
  const ticks = countTicks(max);
  const y = linearScale(0, ticks[ticks.length - 1] ?? 1, plot.bottom, plot.top);
  const slot = (plot.right - plot.left) / Math.max(1, groups.length);
  const barCount = Math.max(1, options.series.length);
  const barWidth = Math.min(36, (slot * 0.7) / barCount);
  const centre = (index: number) => plot.left + slot * (index + 0.5);
  const colour = (index: number) => options.colours?.[index] ?? seriesColour(index);

  const bars = groups.flatMap((group, index) =>
    group.values.map((value, seriesIndex) => {
      const left = centre(index) - (barWidth * barCount) / 2 + barWidth * seriesIndex;
      const top = y(value);
      const name = options.series[seriesIndex] ?? '';
      return html`<rect x="${px(left + 1)}" y="${px(top)}" width="${px(barWidth - 2)}" height="${px(plot.bottom - top)}" fill="${colour(seriesIndex)}"><title>${name ? `${name}, ` : ''}${group.label}: ${value}</title></rect>${
        value > 0 ? html`<text class="value" x="${px(left + barWidth / 2)}" y="${px(top - 4)}" text-anchor="middle">${value}</text>` : ''
      }`;
    }),
  );
  const body = [
    axes(plot, { xTicks: groups.map((group, index) => ({ at: centre(index), label: group.label })), yTicks: ticks, y, xLabel: options.xLabel, yLabel: options.yLabel }),
    ...(max > 0 ? bars : [emptyNote(plot, options.emptyText ?? 'No data yet')]),
  ];
  const legend = options.series.length > 1 ? options.series.map((name, index) => ({ name, colour: colour(index) })) : [];
  return chartFigure(options.title, svgRoot(size, options.title, body), legend);
}
