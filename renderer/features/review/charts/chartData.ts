// Reshapes the variance figures of shared/variance/runCharts.ts into the rows recharts draws.
// Series are keyed by position (v0, e0, …), never by model id: recharts reads a dataKey with a
// dot as a path, and model ids such as `ollama/qwen2.5:7b` have dots.
import type { CSSProperties } from 'react';
import { SERIES_PALETTE, seriesVariable, temperatureDomain as sharedTemperatureDomain } from '../../../../shared/charts/chartStyle';
import type { RunChecks } from '../../../../shared/checks/runChecks';
import type { CellLengths, ModelSeries } from '../../../../shared/variance/runCharts';

/** The n-th series colour, as the custom property paletteStyle() sets for both themes. */
export function seriesColour(index: number): string {
  return `var(${seriesVariable(index)})`;
}

/** The shared series palette as custom properties on the charts' container, light and dark. */
export function paletteStyle(): CSSProperties {
  return Object.fromEntries(SERIES_PALETTE.map((colour, index) => [seriesVariable(index), `light-dark(${colour.light}, ${colour.dark})`])) as CSSProperties;
}

export interface LinePoint {
  value: number | null;
  /** Offsets below and above the value (recharts' asymmetric error bar); absent: no bar. */
  error?: [number, number];
  /** What the point is a mean of (samples rated, cells), for the tooltip. */
  n: number;
}

export interface TemperatureRow {
  temperature: number;
  [key: `v${number}` | `e${number}` | `n${number}`]: number | [number, number] | null | undefined;
}

/** One row per temperature any series has, ascending; a series without that temperature leaves a gap. */
export function temperatureRows<Point extends { temperature: number }>(series: readonly ModelSeries<Point>[], read: (point: Point) => LinePoint): TemperatureRow[] {
  const rows = new Map<number, TemperatureRow>();
  series.forEach((line, index) => {
    for (const point of line.points) {
      const row = rows.get(point.temperature) ?? { temperature: point.temperature };
      const { value, error, n } = read(point);
      row[`v${index}`] = value;
      row[`e${index}`] = value === null ? undefined : error;
      row[`n${index}`] = n;
      rows.set(point.temperature, row);
    }
  });
  return [...rows.values()].sort((a, b) => a.temperature - b.temperature);
}

/** The x domain, the same as the HTML report's (shared/charts/chartStyle.ts). */
export function temperatureDomain(rows: readonly TemperatureRow[]): [number, number] {
  return sharedTemperatureDomain(rows.map((row) => row.temperature));
}

/** A 95% interval as error-bar offsets, cut to the scale (a 1–5 rating cannot be 5.6). */
export function intervalOffsets(mean: number | null, low: number | null, high: number | null, scale: [number, number]): [number, number] | undefined {
  if (mean === null || low === null || high === null) return undefined;
  return [mean - Math.max(scale[0], low), Math.min(scale[1], high) - mean];
}

export interface LengthRow {
  label: string;
  /** [min, max]: recharts draws an array value as a bar over that range. */
  range: [number, number];
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  n: number;
  /** The model's position among the run's models, for its series colour. */
  colour: number;
}

/**
 * One row per cell with ok outputs, labelled by what varies in the run (a single model or case is
 * not repeated on every row).
 */
export function lengthRows(cells: readonly CellLengths[]): LengthRow[] {
  const models = [...new Set(cells.map((cell) => cell.model))];
  const cases = new Set(cells.map((cell) => cell.case)).size;
  // Two providers can serve a model of the same name; then the provider has to stay.
  const shortNames = new Set(models.map(shortModel));
  const modelName = shortNames.size === models.length ? shortModel : (model: string) => model;
  const rows: LengthRow[] = [];
  for (const cell of cells) {
    if (!cell.lengths) continue;
    const parts = [models.length > 1 ? modelName(cell.model) : null, `T ${cell.temperature}`, cases > 1 ? cell.case : null];
    const colour = models.indexOf(cell.model);
    rows.push({ label: parts.filter(Boolean).join(' · '), range: [cell.lengths.min, cell.lengths.max], ...cell.lengths, n: cell.n, colour });
  }
  return rows;
}

/** `openai/gpt-4o-mini` → `gpt-4o-mini`: the provider rarely tells two rows apart. */
export function shortModel(model: string): string {
  const slash = model.indexOf('/');
  return slash > 0 ? model.slice(slash + 1) : model;
}

/**
 * Pass rate against temperature, a line per model in the charts' model order (so each keeps its
 * colour), with Wilson's 95% interval as the bars. A temperature with no decided sample is a gap.
 */
export function passRateRows(models: readonly string[], byModelTemperature: RunChecks['byModelTemperature']): TemperatureRow[] {
  const series = models.map((model) => ({ model, points: byModelTemperature.filter((point) => point.model === model) }));
  return temperatureRows(series, (point) => ({
    value: point.rate,
    error: point.rate === null ? undefined : intervalOffsets(point.rate, point.low, point.high, [0, 1]),
    n: point.total,
  }));
}
