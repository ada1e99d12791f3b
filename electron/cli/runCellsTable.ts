// The end-of-run report: one row per cell (model × temperature × case) with how the samples
// varied, as a table for people or one JSON object for scripts.
import { statsByCell, type CellStats } from '../../shared/cellStats';
import type { RunDetail } from '../../shared/runs';

/** The parts of a run these read (its request is not needed). */
type RunSamples = Pick<RunDetail, 'summary' | 'samples'>;
import { textTable } from './textTable';

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
  return `${textTable([header, ...rows], new Set([1, 3, 4, 5, 6, 7, 8, 9, 10, 11]))}\n\n${totals}`;
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
