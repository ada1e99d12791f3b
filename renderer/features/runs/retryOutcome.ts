// What "Retry failed" did, once the run has stopped again: of the samples it ran again, how many
// now have an answer, how many still fail and why (grouped as everywhere, shared/sampleFailures.ts),
// and how many did not get their turn (the run was cancelled or stopped first).
import type { Sample } from '../../../shared/runs';
import { groupFailures, type FailureGroup } from '../../../shared/sampleFailures';
import { plural } from '../../lib/labels';

export interface RetryOutcome {
  retried: number;
  ok: number;
  failing: number;
  /** Not run to the end: pending or cancelled when the run stopped. */
  unfinished: number;
  /** Why the still failing ones fail, largest group first. */
  groups: FailureGroup[];
}

export function retryOutcome(retriedIds: readonly string[], samples: readonly Sample[]): RetryOutcome {
  const retried = new Set(retriedIds);
  const mine = samples.filter((sample) => retried.has(sample.sampleId));
  const ok = mine.filter((sample) => sample.status === 'ok').length;
  const groups = groupFailures(mine);
  const failing = groups.reduce((sum, group) => sum + group.sampleIds.length, 0);
  return { retried: retriedIds.length, ok, failing, unfinished: mine.length - ok - failing, groups };
}

/**
 * "Retried 3 samples: 0 ok, 3 still failing — Unknown model …". `withReason` false leaves the
 * reason out (blind review: a failure's message names its model).
 */
export function retryOutcomeText(outcome: RetryOutcome, withReason = true): string {
  const { retried, ok, failing, unfinished, groups } = outcome;
  const allOk = failing === 0 && unfinished === 0;
  const parts = [allOk ? (ok === 1 ? 'ok' : `all ${ok} ok`) : `${ok} ok`];
  if (failing > 0) parts.push(`${failing} still failing`);
  if (unfinished > 0) parts.push(`${unfinished} not run (the run stopped first)`);
  let text = `Retried ${plural(retried, 'sample')}: ${parts.join(', ')}`;
  const [first] = groups;
  if (withReason && first) {
    const others = groups.length - 1;
    text += ` — ${first.message}${others > 0 ? ` (and ${plural(others, 'other kind')} of failure)` : ''}`;
  }
  return text;
}

/**
 * Whether every retried sample read here is from this retry, not its old failure: the cache learns
 * of a run's end a moment before it reads the samples again. `since` is when the retry was asked.
 */
export function retryHeard(retriedIds: readonly string[], samples: readonly Sample[], since: string): boolean {
  const retried = new Set(retriedIds);
  return samples.every((sample) => !retried.has(sample.sampleId) || sample.status === 'pending' || sample.status === 'cancelled' || (sample.finishedAt !== null && sample.finishedAt >= since));
}
