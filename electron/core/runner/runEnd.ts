// How a run's record ends once its execution has stopped: why it stopped decides its status and
// the reason a person reads next to it.
import type { RunStatus, RunSummary } from '../../../shared/runs';
import { plural } from '../store/runStore';
import type { ExecutionOutcome } from './runExecutor';

/** Who ends the run's record: a cancel (already written), this process closing, or another process (which cancelled or took the run). */
export type StopReason = 'cancel' | 'close' | 'elsewhere';

export interface RunEnd {
  status: Exclude<RunStatus, 'running'>;
  reason: string | null;
}

/** Null when someone else has written the end already. */
export function runEnd(stop: StopReason | null, outcome: ExecutionOutcome, counts: RunSummary): RunEnd | null {
  if (stop === 'cancel' || stop === 'elsewhere') return null;
  const left = `(${plural(counts.pending)} left)`;
  if (stop === 'close') return { status: 'interrupted', reason: `The app closed during this run ${left}. Resume it to finish.` };
  if (outcome.authFailures.length > 0) {
    const reasons = outcome.authFailures.map((failure) => failure.message).join(' ');
    return { status: 'interrupted', reason: `${reasons} Fix the key in Settings, then resume the run.` };
  }
  if (counts.pending > 0) return { status: 'interrupted', reason: `The run stopped early ${left}. Resume it to finish.` };
  return { status: counts.cancelled > 0 ? 'cancelled' : 'done', reason: null };
}

/** Whether a failure of the execution itself is this process's to write (a cancel or another process has written the end already). */
export function endsHere(stop: StopReason | null): boolean {
  return stop !== 'cancel' && stop !== 'elsewhere';
}
