// One sample's verdicts as the focus panel lists them: each applicable check with its label, what
// became of it and why; failures first, since they are what a reviewer came for.
import type { Check, Verdict } from '../../../../shared/checks/checkTypes';

export type VerdictState = 'failed' | 'waiting' | 'passed';

export interface VerdictRow {
  checkId: string;
  label: string;
  /** The case the check belongs to; null for a prompt-wide check. */
  case: string | null;
  state: VerdictState;
  reason: string;
}

const RANK: Record<VerdictState, number> = { failed: 0, waiting: 1, passed: 2 };

/** A check without a verdict yet (the sample is still running) is waiting. */
export function verdictRows(checks: readonly Check[], verdicts: readonly Verdict[]): VerdictRow[] {
  const byCheck = new Map(verdicts.map((verdict) => [verdict.check, verdict]));
  const rows = checks.map((check): VerdictRow => {
    const verdict = byCheck.get(check.id);
    const state: VerdictState = !verdict || verdict.passed === null ? 'waiting' : verdict.passed ? 'passed' : 'failed';
    return { checkId: check.id, label: check.label, case: check.case, state, reason: verdict?.reason ?? 'not finished yet' };
  });
  // Array.prototype.sort is stable: within a state the checks keep the order they are written in.
  return rows.sort((a, b) => RANK[a.state] - RANK[b.state]);
}

/** "1 of 3 passes", "all 3 pass", "… · 1 waiting" for the list's heading. */
export function verdictTally(rows: readonly VerdictRow[]): string {
  const passed = rows.filter((row) => row.state === 'passed').length;
  const waiting = rows.filter((row) => row.state === 'waiting').length;
  const head = passed === rows.length && rows.length > 1 ? `all ${rows.length} pass` : `${passed} of ${rows.length} ${passed === 1 ? 'passes' : 'pass'}`;
  return waiting > 0 ? `${head} · ${waiting} waiting` : head;
}
