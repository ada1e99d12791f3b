// The end-of-run report: one row per cell (model × temperature × case) with how the samples
// varied, then the cells left out and why, as a table for people or one JSON object for scripts.
import { statsByCell, type CellStats } from '../../shared/cellStats';
import type { RunDetail, SkippedCell } from '../../shared/runs';
import { groupSkipped } from '../../shared/skippedCells';
import { textTable } from './textTable';

/** The parts of a run these read (its request is not needed). */
type RunSamples = Pick<RunDetail, 'summary' | 'samples' | 'skipped'>;

export function runReportJson(detail: RunSamples): string {
  const { summary } = detail;
  return JSON.stringify({
    runId: summary.runId,
    prompt: summary.prompt,
    status: summary.status,
    total: summary.total,
    ok: summary.ok,
    errors: summary.errors,
    costUsd: summary.costUsd,
    cells: cellsOf(detail),
    skipped: detail.skipped,
  });
}

export function runReportTable(detail: RunSamples): string {
  const header = ['MODEL', 'TEMP', 'CASE', 'OK', 'ERR', 'DISTINCT', 'TOP', 'MEAN LEN', 'TOKENS IN/OUT', 'COST', 'P50', 'P95'];
  const rows = cellsOf(detail).map((cell) => [
    cell.model,
    String(cell.temperature),
    cell.case,
    String(cell.ok),
    String(cell.errors),
    String(cell.distinct),
    cell.mostCommonShare === null ? '–' : `${Math.round(cell.mostCommonShare * 100)}%`,
    cell.meanLength === null ? '–' : String(Math.round(cell.meanLength)),
    `${cell.inputTokens}/${cell.outputTokens}`,
    formatCost(cell.costUsd),
    formatMs(cell.latencyP50Ms),
    formatMs(cell.latencyP95Ms),
  ]);
  const { summary } = detail;
  const totals = `${summary.ok} ok, ${summary.errors} errors of ${summary.total} · ${summary.inputTokens}/${summary.outputTokens} tokens · ${formatCost(summary.costUsd)} · run ${summary.runId}`;
  const skipped = notSampledLines(detail.skipped);
  return `${textTable([header, ...rows], new Set([1, 3, 4, 5, 6, 7, 8, 9, 10, 11]))}\n\n${skipped.length > 0 ? `${skipped.join('\n')}\n` : ''}${totals}`;
}

/** One line per model and reason: "Not sampled: anthropic/claude-haiku-4-5 at 1.2, 1.5 (Anthropic takes 0–1)". */
export function notSampledLines(skipped: readonly SkippedCell[]): string[] {
  return groupSkipped(skipped).map((group) => `Not sampled: ${group.model} at ${group.temperatures.join(', ')} (${group.reason})`);
}

function cellsOf(detail: RunSamples): CellStats[] {
  const { summary } = detail;
  return statsByCell(detail.samples, { models: summary.models, temperatures: summary.temperatures, cases: summary.cases });
}

export function formatCost(cost: number | null): string {
  if (cost === null) return 'cost unknown';
  if (cost === 0) return '$0';
  if (cost < 0.0001) return '<$0.0001';
  return cost < 0.01 ? `$${cost.toFixed(4)}` : `$${cost.toFixed(2)}`;
}

function formatMs(ms: number | null): string {
  if (ms === null) return '–';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${Math.round(ms)}ms`;
}
