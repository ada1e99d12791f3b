// How a command waits while another process (the app, `serve`, another command) holds the
// database's write lock: it says so on stderr, keeps trying for WORKBENCH_DB_WAIT_SECONDS (default
// 30), and then gives up with DB_LOCKED, a one-line message saying what to do.
import type { LockPolicy } from '../core/store/lockWait';
import type { CommandContext } from './command';

const DEFAULT_WAIT_SECONDS = 30;
/** A long run may wait more than once; it says so again only after this long. */
const REPEAT_NOTICE_MS = 10_000;

export function commandLockPolicy({ env, stderr }: Pick<CommandContext, 'env' | 'stderr'>): LockPolicy {
  const seconds = Number(env.WORKBENCH_DB_WAIT_SECONDS);
  let noticed = -Infinity;
  return {
    patienceMs: (Number.isFinite(seconds) && seconds >= 0 && env.WORKBENCH_DB_WAIT_SECONDS !== '' ? seconds : DEFAULT_WAIT_SECONDS) * 1000,
    giveUp: 'DB_LOCKED',
    onWait: () => {
      if (Date.now() - noticed < REPEAT_NOTICE_MS) return;
      noticed = Date.now();
      stderr('Waiting for the database: another process is writing to it…');
    },
  };
}
