// The CI gate of `workbench test`: a run passes when every cell's pass rate reaches the threshold
// (with --confident, the lower bound of its 95% interval, so a lucky 8/10 does not count as 80%),
// its prompt's checks could all be read (a typo in a check must not pass silently), and the run
// finished (pending samples are not in n, so a cut-short run could look better than it is).
import type { CellPassRate, RunChecks, SampleChecks } from '../../shared/checks/runChecks';
import type { RunDetail } from '../../shared/runs';

export interface GateRule {
  /** The pass rate every cell must reach, 0–1. */
  threshold: number;
  /** Compare the interval's lower bound instead of the rate. */
  confident: boolean;
}

export interface GatedCell {
  cell: CellPassRate;
  passed: boolean;
  /** The samples of this cell that did not pass, and why (from RunChecks.samples). */
  failures: SampleChecks[];
}

export interface GateResult {
  prompt: string;
  runId: string;
  checks: RunChecks;
  cells: GatedCell[];
  passed: boolean;
  /** Why the gate failed, one line each; empty when it passed. */
  reasons: string[];
  /** The run stopped before every sample was taken: why the gate cannot pass, and what to do. */
  unfinished: string | null;
  /** Cases of the run no check applies to: their samples are not counted (see sampleOutcome). */
  uncheckedCases: string[];
}

/** What a cell is held to: its rate, or with --confident its interval's lower bound. null: no samples. */
export function gatedValue(cell: CellPassRate, rule: GateRule): number | null {
  if (cell.rate === null) return null;
  return rule.confident ? cell.low : cell.rate;
}

export function applyGate(detail: Pick<RunDetail, 'summary' | 'samples'>, checks: RunChecks, rule: GateRule): GateResult {
  const cellOf = new Map(detail.samples.map((sample) => [sample.sampleId, cellKey(sample)]));
  const failuresByCell = new Map<string, SampleChecks[]>();
  for (const outcome of checks.samples) {
    const key = cellOf.get(outcome.sampleId);
    if (key === undefined) continue;
    const list = failuresByCell.get(key) ?? [];
    list.push(outcome);
    failuresByCell.set(key, list);
  }
  const cells = checks.cells.map((cell) => {
    const value = gatedValue(cell, rule);
    return { cell, passed: value !== null && value >= rule.threshold, failures: failuresByCell.get(cellKey(cell)) ?? [] };
  });
  const reasons: string[] = [];
  const below = cells.filter((cell) => !cell.passed).length;
  const measure = rule.confident ? "95% interval's lower bound" : 'pass rate';
  if (below > 0) reasons.push(`${below} of ${cells.length} cells have a ${measure} below ${percentOf(rule.threshold)}`);
  if (cells.length === 0) reasons.push('no sample was checked');
  if (checks.problems.length > 0) reasons.push(`${checks.problems.length === 1 ? '1 check' : `${checks.problems.length} checks`} could not be read (see above); fix ${checks.problems.length === 1 ? 'it' : 'them'} so every check counts`);
  const { summary } = detail;
  const unfinished =
    summary.status === 'done'
      ? null
      : `run ${summary.runId} is ${summary.status} with ${summary.pending + summary.cancelled} of ${summary.total} samples not taken; finish it with \`workbench resume ${summary.runId}\``;
  if (unfinished) reasons.push(unfinished);
  const uncheckedCases = summary.cases.filter((name) => !checks.checks.some((check) => check.case === null || check.case === name));
  return { prompt: summary.prompt, runId: summary.runId, checks, cells, passed: reasons.length === 0, reasons, unfinished, uncheckedCases };
}

function cellKey(cell: { model: string; temperature: number; case: string }): string {
  return `${cell.model}\u0000${cell.temperature}\u0000${cell.case}`;
}

/** "90%", or "92.5%" when the threshold is not a whole percent. */
export function percentOf(value: number): string {
  return `${Number((value * 100).toFixed(2))}%`;
}

/** Each reason a sample did not pass, as a line: "contains \"reset\": expected … (sample 01H…)". */
export function failureLines(failure: SampleChecks, labels: ReadonlyMap<string, string>): string[] {
  const label = (check: string) => labels.get(check) ?? check;
  if (failure.callFailed && failure.failed[0]) return [failure.failed[0].reason];
  const failed = failure.failed.map(({ check, reason }) => `${label(check)}: ${reason}`);
  const undecided = failure.undecided.length > 0 ? [`undecided: ${failure.undecided.map(label).join(', ')} (waiting for a judge)`] : [];
  return [...failed, ...undecided];
}
