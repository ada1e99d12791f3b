// Rating writes the core could not save yet. DB_BUSY means another program is writing to the
// workspace database and nothing was saved: the write is sent again, after a growing pause, for as
// long as it takes. Meanwhile the rating stays on screen (it is optimistic) and the review marks it
// "unsaved — retrying"; it is never dropped or put back. Any other refusal is final: the write is
// rolled back and the review says why.
import { WorkbenchError, isRetryableCode } from '../../shared/errors';

const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 5000;

export function shouldRetryWrite(_failures: number, error: unknown): boolean {
  return error instanceof WorkbenchError && isRetryableCode(error.code);
}

/** The pause after `failures` failed tries (0 after the first); each try already waited a moment in the core. */
export function retryPause(failures: number): number {
  return Math.min(FIRST_PAUSE_MS * 2 ** failures, LONGEST_PAUSE_MS);
}

/** A write of the run not yet answered: the samples it touches (none for an undo), and how often it failed. */
export interface WaitingWrite {
  sampleIds: readonly string[];
  failures: number;
}

export interface Unsaved {
  /** Writes not saved: while one is retried, it and every write queued behind it. */
  count: number;
  sampleIds: ReadonlySet<string>;
}

export const NOTHING_UNSAVED: Unsaved = { count: 0, sampleIds: new Set() };

/** Nothing shows while writes are merely on their way, so a quick save never flickers a warning. */
export function unsavedOf(writes: readonly WaitingWrite[]): Unsaved {
  if (!writes.some((write) => write.failures > 0)) return NOTHING_UNSAVED;
  return { count: writes.length, sampleIds: new Set(writes.flatMap((write) => write.sampleIds)) };
}

/** The samples a rating write's variables name: `sampleIds` (a rating) or `sampleId` (a note). */
export function sampleIdsOf(variables: unknown): string[] {
  if (typeof variables !== 'object' || variables === null) return [];
  const { sampleIds, sampleId } = variables as { sampleIds?: unknown; sampleId?: unknown };
  if (Array.isArray(sampleIds)) return sampleIds.filter((id): id is string => typeof id === 'string');
  return typeof sampleId === 'string' ? [sampleId] : [];
}
