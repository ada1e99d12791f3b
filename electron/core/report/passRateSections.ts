// The report's pass-rate parts, for a prompt with checks: the run's overall pass rate and a table
// of every cell (k/n, rate, Wilson 95% interval, label), a chart of pass rate against temperature
// per model with its intervals, the checks it was measured by, and for two runs each cell's change
// with its verdict. The figures are shared/checks' (the CLI and the app show the same ones).
import { formatPassRate, percent } from '../../../shared/checks/passRate';
import { describeChange, formatChange } from '../../../shared/checks/passRateChange';
import type { RunChecks } from '../../../shared/checks/runChecks';
import { runPassRateChanges, type PassRateComparison } from '../../../shared/checks/runPassRateChanges';
import { CONSISTENCY_SCALE } from '../../../shared/charts/chartStyle';
import { NO_VALUE } from './reportFormat';
import { html, type SafeHtml } from './safeHtml';
import { svgLineChart, type LineSeries } from './svgLineChart';

type Rate = RunChecks['overall'];

/** A pass rate runs 0–1, like consistency: the same axis. */
const PASS_RATE_SCALE = CONSISTENCY_SCALE;

const rateText = (rate: Rate) => (rate.rate === null ? NO_VALUE : percent(rate.rate));
const intervalText = (rate: Rate) => (rate.rate === null ? NO_VALUE : `${percent(rate.low)} – ${percent(rate.high)}`);

/** "Overall: 12/40 · 30% [18%, 45%] · flaky", and what the samples not counted were. */
export function overallPassRate(checks: RunChecks): SafeHtml {
  const { overall } = checks;
  const callFailures = checks.cells.reduce((sum, cell) => sum + cell.callFailures, 0);
  const undecided = checks.cells.reduce((sum, cell) => sum + cell.undecided, 0);
  const notes = [
    callFailures > 0 ? `${callFailures} of the failures are failed calls, not wrong answers` : null,
    undecided > 0 ? `${undecided} finished ${undecided === 1 ? 'sample waits' : 'samples wait'} for a judge and ${undecided === 1 ? 'is' : 'are'} not counted` : null,
    overall.passN.estimate === null ? null : `pass^${overall.passN.n} (all of ${overall.passN.n} fresh samples pass) ${percent(overall.passN.estimate)} [${percent(overall.passN.low)}, ${percent(overall.passN.high)}]`,
  ].filter((note) => note !== null);
  return html`<p class="pass-overall"><strong>Overall: ${formatPassRate(overall)}</strong>${overall.rate === null ? '' : html` · ${overall.label}`}</p>${notes.length > 0 ? html`<p class="caption">${notes.join('; ')}.</p>` : ''}`;
}

export function passRateTable(checks: RunChecks): SafeHtml {
  if (checks.cells.length === 0) return html`<p class="muted">No sample has finished with every check decided yet.</p>`;
  const rows = checks.cells.map(
    (cell) => html`<tr><td>${cell.model}</td><td class="num">${cell.temperature}</td><td>${cell.case}</td>
<td class="num">${cell.passed}/${cell.total}</td><td class="num">${rateText(cell)}</td><td class="num">${intervalText(cell)}</td>
<td class="${cell.label === 'stable fail' ? 'bad' : ''}">${cell.label}${cell.callFailures > 0 ? ` (${cell.callFailures} failed ${cell.callFailures === 1 ? 'call' : 'calls'})` : ''}</td></tr>`,
  );
  return html`<div class="table-wrap"><table class="cells pass-rates"><thead><tr><th>Model</th><th class="num">Temp</th><th>Case</th><th class="num">Passed</th><th class="num">Rate</th><th class="num">95% interval</th><th>Label</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The checks the figures are measured by (those of the run's cases): the prompt's as its files hold them now, not as run. */
export function checksUsed(checks: RunChecks, cases: readonly string[]): SafeHtml {
  const used = checks.checks.filter((check) => check.case === null || cases.includes(check.case));
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const problems =
    checks.problems.length > 0
      ? html`<p class="caption bad">${count(checks.problems.length, 'check could not be read and is', 'checks could not be read and are')} left out: ${checks.problems
          .map((problem) => `${problem.file}${problem.line ? `:${problem.line}` : ''} ${problem.message}`)
          .join('; ')}</p>`
      : '';
  return html`<p class="caption">Measured by the prompt’s ${count(used.length, 'check', 'checks')} for these cases, as its files hold them now: ${used
    .map((check) => (check.case === null ? check.label : `${check.label} (${check.case})`))
    .join('; ')}.</p>${problems}`;
}

export interface LabelledChecks {
  checks: RunChecks;
  /** The run's letter in a comparison (none for a single run). */
  label: string | null;
  /** The run's models in order, so a model keeps its colour beside the report's other charts. */
  models: readonly string[];
}

/** Pass rate against temperature, a line per model with its 95% interval; with two runs, A dashed. */
export function passRateChart(runs: readonly LabelledChecks[]): SafeHtml {
  const models = [...new Set(runs.flatMap((run) => run.models))];
  const series: LineSeries[] = runs.flatMap(({ checks, label, models: runModels }, runIndex) =>
    runModels.map((model) => ({
      name: label ? `${label} · ${model}` : model,
      colourIndex: models.indexOf(model),
      dashed: runs.length > 1 && runIndex === 0,
      points: checks.byModelTemperature
        .filter((point) => point.model === model)
        .map((point) => ({ x: point.temperature, y: point.rate, low: point.rate === null ? null : point.low, high: point.rate === null ? null : point.high, note: `${point.passed}/${point.total} passed` })),
    })),
  );
  return svgLineChart(
    series.filter((line) => line.points.length > 0),
    {
      title: 'Pass rate by temperature (95% interval)',
      xLabel: 'temperature',
      yLabel: 'pass rate',
      yDomain: PASS_RATE_SCALE.domain,
      yTicks: PASS_RATE_SCALE.ticks,
      emptyText: 'No sample decided yet',
      formatY: (value) => percent(value),
    },
  );
}

function changeCells(comparison: PassRateComparison): SafeHtml {
  const { before, after, change } = comparison;
  return html`<td class="num">${before.passed}/${before.total} → ${after.passed}/${after.total}</td><td class="num">${rateText(before)} → ${rateText(after)}</td>
<td class="num delta">${change ? formatChange(change) : NO_VALUE}</td><td class="${change?.verdict === 'worse' ? 'bad' : ''}">${change ? describeChange(change) : 'nothing decided on one side'}</td>`;
}

/** Each cell both runs have, and the runs overall: B − A with its interval, and whether that is better, worse or not yet known. */
export function passRateChangeTable(a: RunChecks, b: RunChecks): SafeHtml {
  const changes = runPassRateChanges(a, b);
  const rows = changes.cells.map((cell) => html`<tr><td>${cell.model}</td><td class="num">${cell.temperature}</td><td>${cell.case}</td>${changeCells(cell)}</tr>`);
  return html`<div class="table-wrap"><table class="cells pass-changes"><thead><tr><th>Model</th><th class="num">Temp</th><th>Case</th><th class="num">Passed A → B</th><th class="num">Rate</th><th class="num">B − A (95% interval)</th><th>Verdict</th></tr></thead><tbody>
<tr class="overall"><th colspan="3">Whole run</th>${changeCells(changes.overall)}</tr>
${rows}</tbody></table></div>
<p class="caption">Better or worse when the 95% interval of the difference (Newcombe’s, from each side’s Wilson interval) leaves out 0; otherwise the number of samples per side that would decide it at these rates, with 80% power.</p>`;
}
