// A shareable report: one self-contained HTML file of a run, or of two runs compared. Styles and
// charts (inline SVG) are in the file, nothing is loaded from anywhere and no script runs: the
// Content-Security-Policy says so to the browser, and every piece of model output or prompt text
// is escaped (see safeHtml.ts).
import type { Report } from '../../../shared/approvals';
import type { RunChecks } from '../../../shared/checks/runChecks';
import { WorkbenchError } from '../../../shared/errors';
import type { RunDetail } from '../../../shared/runs';
import { compareRuns } from '../../../shared/variance/runComparison';
import type { RunStore } from '../store/runStore';
import { cellDeltaTable, figuresWithDeltas, promptDiff, sideBySideFacts, summarySentences } from './comparisonSections';
import { checksUsed, overallPassRate, passRateChangeTable, passRateChart, passRateTable } from './passRateSections';
import { allCharts } from './reportCharts';
import { dateText } from './reportFormat';
import { reportRun, type ReportRun } from './reportRun';
import { REPORT_CSS } from './reportStyles';
import { cellOutputs, cellTable, overallFigures, promptText, runFacts } from './runSections';
import { SafeHtml, html } from './safeHtml';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export interface ReportDeps {
  runs: Pick<RunStore, 'detail' | 'source'>;
  /** The approvals resting on each run (runApprovals.ts); none when absent. */
  approvals?: ReadonlyMap<string, readonly string[]>;
  /** Each run's pass rates under its prompt's checks (reportChecks.ts); a run absent has no checks and no such section. */
  checks?: ReadonlyMap<string, RunChecks>;
  /** The time printed as "generated at" (tests pass a fixed one). */
  now?: () => Date;
}

export function buildRunReport(deps: ReportDeps, request: { runId: string; compareRunId?: string | undefined }): Report {
  const load = (runId: string): ReportRun => {
    const detail: RunDetail | null = deps.runs.detail(runId);
    if (!detail) throw new WorkbenchError('NOT_FOUND', `There is no run "${runId}". List the runs with \`workbench runs\`.`);
    return reportRun(detail, deps.runs.source(runId), deps.approvals?.get(runId) ?? []);
  };
  const generated = (deps.now ?? (() => new Date()))().toISOString();
  const first = load(request.runId);
  if (request.compareRunId === undefined || request.compareRunId === request.runId) {
    const { prompt, runId } = first.detail.summary;
    return { fileName: `${prompt}-run-${runId}.html`, html: singleRunPage(first, deps.checks?.get(runId) ?? null, generated) };
  }
  // Earlier run first: "A → B" then reads as before → after, and the deltas as what changed since.
  const [a, b] = [first, load(request.compareRunId)].sort((x, y) => x.detail.summary.createdAt.localeCompare(y.detail.summary.createdAt)) as [ReportRun, ReportRun];
  const prompts = [...new Set([a.detail.summary.prompt, b.detail.summary.prompt])].join('-');
  const checksOf = (run: ReportRun) => deps.checks?.get(run.detail.summary.runId) ?? null;
  return { fileName: `${prompts}-${a.detail.summary.runId}-vs-${b.detail.summary.runId}.html`, html: comparisonPage(a, b, [checksOf(a), checksOf(b)], generated) };
}

function singleRunPage(run: ReportRun, checks: RunChecks | null, generated: string): string {
  const { summary } = run.detail;
  return page(
    `${summary.prompt} · run ${summary.runId}`,
    html`<header class="report"><h1>${summary.prompt}</h1><div class="subtitle">Run ${summary.runId} · ${run.version} · ${dateText(summary.createdAt)}</div></header>
${runFacts(run)}
<h2>Overall</h2>${overallFigures(run)}
${
  checks
    ? html`<h2>Checks</h2>${overallPassRate(checks)}<div class="charts">${passRateChart([{ checks, label: null, models: summary.models }])}</div>${passRateTable(checks)}${checksUsed(checks, summary.cases)}`
    : ''
}
<h2>Charts</h2><div class="charts">${allCharts([{ run, label: null }])}</div>
<h2>Cells</h2>${cellTable(run)}
<h2>Prompt as run</h2>${promptText(run.source)}
<h2>Outputs</h2>${cellOutputs(run)}`,
    generated,
  );
}

function comparisonPage(a: ReportRun, b: ReportRun, [checksA, checksB]: [RunChecks | null, RunChecks | null], generated: string): string {
  const comparison = compareRuns(
    { summary: a.detail.summary, metrics: a.metrics, samples: a.detail.samples, ratings: a.detail.ratings },
    { summary: b.detail.summary, metrics: b.metrics, samples: b.detail.samples, ratings: b.detail.ratings },
  );
  const diff = promptDiff(a.source, b.source);
  const sameText = a.source !== null && a.source === b.source;
  const title = a.detail.summary.prompt === b.detail.summary.prompt ? a.detail.summary.prompt : `${a.detail.summary.prompt} and ${b.detail.summary.prompt}`;
  return page(
    `${title} · ${a.version} vs ${b.version}`,
    html`<header class="report"><h1>${title}: A vs B</h1><div class="subtitle">A = run ${a.detail.summary.runId} (${a.version}) · B = run ${b.detail.summary.runId} (${b.version})</div></header>
${sideBySideFacts(a, b)}
<h2>What changed</h2>${summarySentences(comparison)}
<h2>Overall</h2>${figuresWithDeltas(a, b, comparison)}
${
  // Only runs measured by the same checks have pass rates worth setting side by side.
  checksA && checksB && checksA.checksHash === checksB.checksHash
    ? html`<h2>Checks, A → B</h2>${passRateChangeTable(checksA, checksB)}<div class="charts">${passRateChart([
        { checks: checksA, label: 'A', models: a.detail.summary.models },
        { checks: checksB, label: 'B', models: b.detail.summary.models },
      ])}</div>${checksUsed(checksB, [...new Set([...a.detail.summary.cases, ...b.detail.summary.cases])])}`
    : ''
}
<h2>Charts</h2><p class="caption">A dashed, B solid; a model keeps its colour.</p><div class="charts">${allCharts([
      { run: a, label: 'A' },
      { run: b, label: 'B' },
    ])}</div>
<h2>Cells in both runs</h2>${cellDeltaTable(comparison)}
${
  diff
    ? html`<h2>Prompt text, A → B</h2>${diff}`
    : html`<h2>Prompt text</h2><p class="caption">${sameText ? 'Both runs ran the same text.' : 'The text of one run is not in the database.'}</p>${promptText(b.source ?? a.source)}`
}
<h2>Outputs of A</h2>${cellOutputs(a)}
<h2>Outputs of B</h2>${cellOutputs(b)}`,
    generated,
  );
}

// Our own constants, not data: inserted as they are (escaping would turn `>` selectors into text,
// and the policy reads better in the file as people expect to see it).
const stylesheet = new SafeHtml(REPORT_CSS);
const csp = new SafeHtml(REPORT_CSP);

function page(title: string, body: SafeHtml, generated: string): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Prompt Workbench">
<title>${title}</title>
<style>${stylesheet}</style>
</head>
<body><main>
${body}
<p class="generated">Generated by Prompt Workbench on ${dateText(generated)}. Self-contained: no network is needed to view it.</p>
</main></body>
</html>
`.text;
}
