// A line chart as inline SVG: one line per series over numeric x (temperature), points where a
// value exists (a missing value breaks the line instead of bridging it), and optional interval bars.
import { temperatureDomain } from '../../../shared/charts/chartStyle';
import {
  DEFAULT_SIZE,
  axes,
  chartFigure,
  emptyNote,
  linearScale,
  plotArea,
  px,
  seriesColour,
  svgRoot,
  tickLabel,
  type ChartSize,
  type LegendEntry,
} from './chartFrame';
import { html, type SafeHtml } from './safeHtml';

const DODGE_PX = 4;

export interface LinePoint {
  x: number;
  /** null: nothing measured here (the line breaks). */
  y: number | null;
  /** Interval around y (a 95% interval); drawn when both are numbers, clamped to the y domain. */
  low?: number | null;
  high?: number | null;
  /** Shown on hover (the SVG <title> of the point). */
  note?: string;
}

export interface LineSeries {
  name: string;
  points: LinePoint[];
  /** Index into the palette; defaults to the series' position. */
  colourIndex?: number;
  dashed?: boolean;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  yDomain: [number, number];
  yTicks: number[];
  /** What the empty chart says. */
  emptyText?: string;
  size?: ChartSize;
  formatY?: (value: number) => string;
}

export function svgLineChart(series: readonly LineSeries[], options: LineChartOptions): SafeHtml {
  const size = options.size ?? DEFAULT_SIZE;
  const plot = plotArea(size);
  const xs = [...new Set(series.flatMap((line) => line.points.map((point) => point.x)))].sort((a, b) => a - b);
  const [yMin, yMax] = options.yDomain;
  // Half a step of padding keeps the first and last points off the axes.
  const inset = xs.length > 1 ? 18 : 0;
  const [xMin, xMax] = temperatureDomain(xs);
  const xAt = linearScale(xMin, xMax, plot.left + inset, plot.right - inset);
  const y = linearScale(yMin, yMax, plot.bottom, plot.top);
  const clampY = (value: number) => y(Math.min(yMax, Math.max(yMin, value)));
  const formatY = options.formatY ?? tickLabel;

  const hasValues = series.some((line) => line.points.some((point) => point.y !== null));
  const lines = series.map((line, index) => {
    const colour = seriesColour(line.colourIndex ?? index);
    // Series are nudged apart sideways so their interval bars at one temperature do not overlap.
    const dodge = (index - (series.length - 1) / 2) * DODGE_PX;
    const x = (value: number) => xAt(value) + dodge;
    const ordered = [...line.points].sort((a, b) => a.x - b.x);
    let path = '';
    let pen = false;
    for (const point of ordered) {
      if (point.y === null) {
        pen = false;
        continue;
      }
      path += `${pen ? 'L' : 'M'}${px(x(point.x))} ${px(clampY(point.y))}`;
      pen = true;
    }
    const intervals = ordered
      .filter((point) => point.y !== null && typeof point.low === 'number' && typeof point.high === 'number')
      .map((point) => {
        const cx = px(x(point.x));
        const top = px(clampY(point.high as number));
        const bottom = px(clampY(point.low as number));
        const left = px(x(point.x) - 4);
        const right = px(x(point.x) + 4);
        return html`<path class="interval" d="M${cx} ${top}V${bottom}M${left} ${top}H${right}M${left} ${bottom}H${right}" stroke="${colour}"/>`;
      });
    const dots = ordered
      .filter((point): point is LinePoint & { y: number } => point.y !== null)
      .map(
        (point) =>
          html`<circle cx="${px(x(point.x))}" cy="${px(clampY(point.y))}" r="3.5" fill="${colour}"><title>${line.name} at ${tickLabel(point.x)}: ${formatY(point.y)}${point.note ? ` (${point.note})` : ''}</title></circle>`,
      );
    return html`<g class="series">${intervals}${path ? html`<path class="line" d="${path}" stroke="${colour}"${line.dashed ? html` stroke-dasharray="6 4"` : ''}/>` : ''}${dots}</g>`;
  });

  const body = [
    axes(plot, { xTicks: xs.map((value) => ({ at: xAt(value), label: tickLabel(value) })), yTicks: options.yTicks, y, xLabel: options.xLabel, yLabel: options.yLabel }),
    ...(hasValues ? lines : [emptyNote(plot, options.emptyText ?? 'No data yet')]),
  ];
  const legend: LegendEntry[] = series.map((line, index) => ({ name: line.name, colour: seriesColour(line.colourIndex ?? index), dashed: line.dashed }));
  return chartFigure(options.title, svgRoot(size, options.title, body), legend);
}
