// The report's three charts from the review's chart data (shared/variance/runCharts.ts): mean rating
// against temperature and consistency against temperature (a line per model, 95% interval bars), and
// how the ratings spread over 1–5. With two runs, both go in one chart: a model keeps its colour,
// the earlier run (A) is dashed.
import { CONSISTENCY_SCALE, RATING_SCALE } from '../../../shared/charts/chartStyle';
import { consistencyByTemperature, ratingByTemperature, ratingDistribution } from '../../../shared/variance/runCharts';
import { comparedRunColour } from './chartFrame';
import type { ReportRun } from './reportRun';
import { joinHtml, type SafeHtml } from './safeHtml';
import { svgBarChart } from './svgBarChart';
import { svgLineChart, type LineSeries } from './svgLineChart';

/** A run with the letter it has in a comparison (none for a single run). */
export interface LabelledRun {
  run: ReportRun;
  label: string | null;
}

function modelIndex(runs: readonly LabelledRun[]): (model: string) => number {
  const models = [...new Set(runs.flatMap(({ run }) => run.detail.summary.models))];
  return (model) => models.indexOf(model);
}

/** A (before) lighter, B (after) darker. */
const RUN_COLOURS = [comparedRunColour(0), comparedRunColour(1)];

const seriesName = (label: string | null, model: string) => (label ? `${label} · ${model}` : model);

export function ratingChart(runs: readonly LabelledRun[]): SafeHtml {
  const colourOf = modelIndex(runs);
  const series: LineSeries[] = runs.flatMap(({ run, label }, runIndex) =>
    ratingByTemperature(run.metrics, run.detail.samples, run.detail.ratings).map((line) => ({
      name: seriesName(label, line.model),
      colourIndex: colourOf(line.model),
      dashed: runs.length > 1 && runIndex === 0,
      points: line.points.map((point) => ({ x: point.temperature, y: point.mean, low: point.low, high: point.high, note: `n=${point.n}` })),
    })),
  );
  return svgLineChart(series, {
    title: 'Mean rating by temperature (95% interval)',
    xLabel: 'temperature',
    yLabel: 'mean rating',
    yDomain: RATING_SCALE.domain,
    yTicks: RATING_SCALE.ticks,
    emptyText: 'No ratings yet',
    formatY: (value) => value.toFixed(2),
  });
}

export function consistencyChart(runs: readonly LabelledRun[]): SafeHtml {
  const colourOf = modelIndex(runs);
  const series: LineSeries[] = runs.flatMap(({ run, label }, runIndex) =>
    consistencyByTemperature(run.metrics).map((line) => ({
      name: seriesName(label, line.model),
      colourIndex: colourOf(line.model),
      dashed: runs.length > 1 && runIndex === 0,
      points: line.points.map((point) => ({ x: point.temperature, y: point.mean, low: point.low, high: point.high, note: `${point.cells} cell${point.cells === 1 ? '' : 's'}` })),
    })),
  );
  return svgLineChart(series, {
    title: 'Consistency by temperature (1 = always the same answer; 95% interval)',
    xLabel: 'temperature',
    yLabel: 'consistency',
    yDomain: CONSISTENCY_SCALE.domain,
    yTicks: CONSISTENCY_SCALE.ticks,
    emptyText: 'No successful samples',
  });
}

export function ratingDistributionChart(runs: readonly LabelledRun[]): SafeHtml {
  const counts = runs.map(({ run }) => ratingDistribution(run.detail.ratings));
  return svgBarChart(
    ([1, 2, 3, 4, 5] as const).map((rating) => ({ label: `★${rating}`, values: counts.map((list) => list[rating - 1]?.count ?? 0) })),
    {
      title: 'How the outputs were rated',
      xLabel: 'rating',
      yLabel: 'samples',
      series: runs.map(({ label, run }) => label ?? run.detail.summary.runId),
      emptyText: 'No ratings yet',
      // Runs, not models: neutral fills, so they are not read as the models' colours of the line charts.
      colours: runs.length > 1 ? RUN_COLOURS : undefined,
    },
  );
}

export function allCharts(runs: readonly LabelledRun[]): SafeHtml {
  return joinHtml([ratingChart(runs), consistencyChart(runs), ratingDistributionChart(runs)]);
}
