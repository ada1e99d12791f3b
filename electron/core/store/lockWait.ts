// Waiting for another process's write lock without freezing this one.
//
// better-sqlite3 is synchronous: while SQLite's busy handler waits for a lock, this process's whole
// event loop waits with it, and in `serve` or the app that is every other request and every running
// run. So a statement waits for a lock only briefly (BUSY_TIMEOUT_MS: long enough for another
// process's ordinary transaction, a rating or a batch of samples, to end), and a write that still
// finds the database locked is tried again from here, asynchronously, after a pause that grows,
// until the caller's patience runs out. Reads never wait: under WAL they see the last commit while
// another process writes.
import { setTimeout as delay } from 'node:timers/promises';
import { WorkbenchError } from '../../../shared/errors';

/** How long one statement may block this process waiting for another process's lock. */
export const BUSY_TIMEOUT_MS = 200;

export interface LockPolicy {
  /** How long a write keeps trying before it gives up. */
  patienceMs: number;
  /**
   * What a write that gave up throws: DB_BUSY when the caller retries on its own (the app's
   * windows, which show the change as unsaved meanwhile), DB_LOCKED when it is the final answer
   * (a command line that has waited long enough).
   */
  giveUp: 'DB_BUSY' | 'DB_LOCKED';
  /** Told when a write starts waiting, so a person can be told why nothing seems to happen. */
  onWait?: () => void;
}

/**
 * For a process answering requests (the app, `serve`): a request is answered within a few seconds
 * either way, and the window that sent it retries a DB_BUSY while it shows the change as unsaved.
 */
export const requestLockPolicy: LockPolicy = { patienceMs: 2000, giveUp: 'DB_BUSY' };

const FIRST_PAUSE_MS = 50;
const LONGEST_PAUSE_MS = 1000;

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** The pause before try number `attempt + 1`: doubling, capped, with jitter so two waiting processes do not retry in step. */
export function pauseBefore(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_PAUSE_MS * 2 ** attempt, LONGEST_PAUSE_MS);
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Runs `write` (one transaction, or one statement) until it gets the lock. A busy write has
 * changed nothing, so trying it again is safe. Other failures are thrown as they are.
 */
export async function whenUnlocked<T>(write: () => T, file: string, policy: LockPolicy, sleep: (ms: number) => Promise<unknown> = delay): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const waited = Date.now() - started;
      if (waited >= policy.patienceMs) throw lockError(file, policy.giveUp);
      if (attempt === 0) policy.onWait?.();
      await sleep(Math.min(pauseBefore(attempt), policy.patienceMs - waited));
    }
  }
}

export function lockError(file: string, code: LockPolicy['giveUp']): WorkbenchError {
  if (code === 'DB_BUSY') {
    return new WorkbenchError(
      'DB_BUSY',
      `Another program is writing to the database ${file} (perhaps another Prompt Workbench window or a \`workbench\` command), so this change is not saved yet. Try again in a moment.`,
    );
  }
  return new WorkbenchError(
    'DB_LOCKED',
    `The database ${file} is locked by another program (perhaps another Prompt Workbench window, a \`workbench\` command or an SQLite tool in the middle of a write), and nothing was saved. Let it finish or close it, then try again.`,
  );
}
