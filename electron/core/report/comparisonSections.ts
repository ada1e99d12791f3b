// The parts of a two-run report: both runs side by side with the differences (b − a), the
// comparison's plain-language summary, the cells both runs have, and the prompt text's diff.
import type { RunComparison } from '../../../shared/variance/runComparison';
import type { DiffRow } from '../../../shared/versions';
import { diffRows } from '../workspace/textDiff';
import { NO_VALUE, costText, dateText, deltaText, fixed, msText, percent } from './reportFormat';
import type { ReportRun } from './reportRun';
import { html, joinHtml, type SafeHtml } from './safeHtml';

export function sideBySideFacts(a: ReportRun, b: ReportRun): SafeHtml {
  const row = (label: string, of: (run: ReportRun) => string) => html`<tr><th>${label}</th><td>${of(a)}</td><td>${of(b)}</td></tr>`;
  return html`<div class="table-wrap"><table class="compare"><thead><tr><th></th><th>A</th><th>B</th></tr></thead><tbody>
${row('Prompt', (run) => run.detail.summary.prompt)}
${row('Version', (run) => run.version)}
${row('Approved as', (run) => run.approvals.join(', ') || NO_VALUE)}
${row('Run', (run) => run.detail.summary.runId)}
${row('Started', (run) => dateText(run.detail.summary.createdAt))}
${row('Models', (run) => run.detail.summary.models.join(', '))}
${row('Temperatures', (run) => run.detail.summary.temperatures.join(', '))}
${row('Cases', (run) => run.detail.summary.cases.join(', '))}
${row('Samples per cell', (run) => String(run.detail.request.samples))}
</tbody></table></div>`;
}

export function figuresWithDeltas(a: ReportRun, b: ReportRun, comparison: RunComparison): SafeHtml {
  const { deltas } = comparison;
  const oa = comparison.a;
  const ob = comparison.b;
  const rows: [string, string, string, string][] = [
    ['Samples', String(a.detail.summary.total), String(b.detail.summary.total), deltaText(b.detail.summary.total - a.detail.summary.total, 0)],
    ['Errors', String(oa.errors), String(ob.errors), deltaText(deltas.errors, 0)],
    ['Mean rating', `${fixed(oa.ratingMean)} (n=${oa.rated})`, `${fixed(ob.ratingMean)} (n=${ob.rated})`, deltaText(deltas.ratingMean)],
    ['Consistency', fixed(oa.consistency), fixed(ob.consistency), deltaText(deltas.consistency)],
    ['Distinct per ok sample', percent(oa.distinctShare), percent(ob.distinctShare), deltaText(deltas.distinctShare === null ? null : deltas.distinctShare * 100, 0, ' pts')],
    ['Schema-valid', percent(oa.schemaValidRate), percent(ob.schemaValidRate), deltaText(deltas.schemaValidRate === null ? null : deltas.schemaValidRate * 100, 0, ' pts')],
    ['Cost', costText(oa.costUsd), costText(ob.costUsd), costDelta(deltas.costUsd)],
    ['Latency p50', msText(oa.latencyP50Ms), msText(ob.latencyP50Ms), deltas.latencyP50Ms === null ? NO_VALUE : deltaText(deltas.latencyP50Ms, 0, ' ms')],
  ];
  return html`<div class="table-wrap"><table class="compare"><thead><tr><th></th><th class="num">A</th><th class="num">B</th><th class="num">B − A</th></tr></thead><tbody>${rows.map(
    ([label, av, bv, delta]) => html`<tr><th>${label}</th><td class="num">${av}</td><td class="num">${bv}</td><td class="num delta">${delta}</td></tr>`,
  )}</tbody></table></div>`;
}

function costDelta(delta: number | null): string {
  if (delta === null) return NO_VALUE;
  if (delta === 0) return '±$0';
  return `${delta > 0 ? '+' : '−'}${costText(Math.abs(delta))}`;
}

export function summarySentences(comparison: RunComparison): SafeHtml {
  return html`<ul class="summary">${comparison.summary.map((sentence) => html`<li>${sentence}</li>`)}</ul>`;
}

export function cellDeltaTable(comparison: RunComparison): SafeHtml {
  if (comparison.cells.length === 0) return html`<p class="muted">The two runs have no cell (model, temperature and case) in common.</p>`;
  const rows = comparison.cells.map(
    (cell) => html`<tr><td>${cell.model}</td><td class="num">${cell.temperature}</td><td>${cell.case}</td>
<td class="num">${fixed(cell.a.ratingMean)} → ${fixed(cell.b.ratingMean)}</td><td class="num delta">${deltaText(cell.ratingMean)}</td>
<td class="num">${fixed(cell.a.consistency)} → ${fixed(cell.b.consistency)}</td><td class="num delta">${deltaText(cell.consistency)}</td>
<td class="num">${cell.a.distinct} → ${cell.b.distinct}</td>
<td class="num">${cell.a.errors} → ${cell.b.errors}</td></tr>`,
  );
  return html`<div class="table-wrap"><table class="cells"><thead><tr><th>Model</th><th class="num">Temp</th><th>Case</th><th class="num">Rating A → B</th><th class="num">Δ</th><th class="num">Consistency A → B</th><th class="num">Δ</th><th class="num">Distinct</th><th class="num">Errors</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function diffLine(row: DiffRow): SafeHtml {
  const side = (prefix: string, kind: string, line: DiffRow['left']): SafeHtml =>
    line === null
      ? html``
      : html`<div class="diff-line ${kind}"><span class="diff-sign">${prefix}</span><span class="diff-text">${line.segments.map((segment) => (segment.changed ? html`<mark>${segment.text}</mark>` : segment.text))}</span></div>`;
  if (row.kind === 'context') return side(' ', 'context', row.left);
  if (row.kind === 'removed') return side('−', 'removed', row.left);
  if (row.kind === 'added') return side('+', 'added', row.right);
  return joinHtml([side('−', 'removed', row.left), side('+', 'added', row.right)]);
}

/** The prompt text of A against B's, line by line with the changed words marked; null when they are the same. */
export function promptDiff(a: string | null, b: string | null): SafeHtml | null {
  if (a === null || b === null || a === b) return null;
  return html`<div class="diff">${diffRows(a, b).map(diffLine)}</div>`;
}
