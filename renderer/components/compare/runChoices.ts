// Which runs a run can be compared with, how each is named in the picker, and which one to
// suggest: the latest other run that finished, usually the last version before this edit.
import type { RunSummary } from '../../../shared/runs';
import { runVersionLabel } from '../../../shared/runVersion';

/** "Mar 12, 14:02": short enough for a picker, exact enough to tell two runs of one day apart. */
function when(iso: string, locale?: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(time);
}

/** "Mar 12, 14:02 · commit 3f9a2c1 · 120 samples" (and the status when it did not finish). */
export function runLabel(run: RunSummary, locale?: string): string {
  const parts = [when(run.createdAt, locale), runVersionLabel(run), `${run.total.toLocaleString('en-US')} samples`];
  if (run.status !== 'done') parts.push(run.status);
  return parts.join(' · ');
}

/** The other runs, newest first. */
export function otherRuns(runs: readonly RunSummary[], runId: string): RunSummary[] {
  return runs.filter((run) => run.runId !== runId).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The newest other finished run, else the newest other run at all; null when there is none. */
export function suggestedOther(runs: readonly RunSummary[], runId: string): string | null {
  const others = otherRuns(runs, runId);
  return (others.find((run) => run.status === 'done') ?? others[0])?.runId ?? null;
}
