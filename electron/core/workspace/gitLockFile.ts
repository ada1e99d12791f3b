// Git's own locking protocol, which plain `git` honours too: to change `<file>`, create
// `<file>.lock` exclusively, write the new content into it and rename it over `<file>`; removing the
// lock instead gives up. So the app, the `workbench` command and `git` never write the index or a
// ref at the same moment. Whoever finds a lock taken waits a little (git holds its locks for
// moments), then says who holds it and what to do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import { processAlive } from '../processAlive';

/** Long enough for another commit to finish on a slow disk; short enough that a stuck lock is reported. */
export const DEFAULT_LOCK_WAIT_MS = 10_000;

/** The first line of a lock we hold until its real content is written, so a lock left behind says whose it was. */
const OWNER_LINE = /^prompt-workbench pid=(\d+) host=(\S+) since=(\S+)$/m;

export interface LockOptions {
  /** How long to wait for a lock someone else holds. */
  waitMs?: number;
  /** For tests: whether a process on this machine is alive. */
  isAlive?: (pid: number) => boolean;
}

export class LockFile {
  private done = false;

  private constructor(
    /** The file the lock guards. */
    readonly target: string,
    /** `<target>.lock`. */
    readonly path: string,
  ) {}

  /** Creates `<target>.lock`, waiting while someone else holds it. */
  static async acquire(target: string, options: LockOptions = {}): Promise<LockFile> {
    const lockPath = `${target}.lock`;
    const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
    const started = Date.now();
    // A new ref's folder (refs/tags/approved/<name>/) may not exist yet.
    fs.mkdirSync(path.dirname(lockPath), { recursive: true });
    for (let attempt = 0; ; attempt++) {
      try {
        fs.writeFileSync(lockPath, ownerLine(), { flag: 'wx' });
        return new LockFile(target, lockPath);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (Date.now() - started >= waitMs) throw lockHeld(lockPath, options.isAlive ?? processAlive);
      // Short polls first: most locks are let go within milliseconds.
      await new Promise((resolve) => setTimeout(resolve, Math.min(10 * 2 ** attempt, 200)));
    }
  }

  /** Replaces what the lock holds with the target's new content. */
  write(content: string | Buffer): void {
    fs.writeFileSync(this.path, content);
  }

  /** The new content takes effect: the lock is renamed over the target. */
  commit(): void {
    if (this.done) return;
    fs.renameSync(this.path, this.target);
    this.done = true;
  }

  /** Gives up: the lock goes and the target stays as it was. */
  release(): void {
    if (this.done) return;
    this.done = true;
    fs.rmSync(this.path, { force: true });
  }
}

function ownerLine(): string {
  return `prompt-workbench pid=${process.pid} host=${os.hostname()} since=${new Date().toISOString()}\n`;
}

/** Who holds the lock, from what it says and its age, and what to do about it. */
function lockHeld(lockPath: string, isAlive: (pid: number) => boolean): WorkbenchError {
  let content = '';
  let since: Date | null = null;
  try {
    content = fs.readFileSync(lockPath, 'latin1').slice(0, 200);
    since = fs.statSync(lockPath).mtime;
  } catch {
    // Let go just now: the caller may simply try again.
  }
  const owner = OWNER_LINE.exec(content);
  if (owner) {
    const [, pid = '', host = '', at = ''] = owner;
    const when = formatClock(new Date(at));
    const gone = host === os.hostname() && !isAlive(Number(pid));
    if (gone) {
      return new WorkbenchError(
        'GIT_LOCKED',
        `Prompt Workbench (process ${pid}) stopped while changing the git repository at ${when} and left ${lockPath} behind. Nothing is using it now: delete that file and try again.`,
        { lock: lockPath, pid: Number(pid), host, stale: true },
      );
    }
    return new WorkbenchError(
      'GIT_LOCKED',
      `Prompt Workbench (process ${pid} on ${host}) has been changing the git repository since ${when}. Wait for it to finish and try again; if it is stuck, stop it and delete ${lockPath}.`,
      { lock: lockPath, pid: Number(pid), host, stale: false },
    );
  }
  const held = since ? ` since ${formatClock(since)}` : '';
  return new WorkbenchError(
    'GIT_LOCKED',
    `Another git program has held ${lockPath}${held}. If no git command is running in this repository, one stopped and left it behind: delete that file and try again.`,
    { lock: lockPath, stale: null },
  );
}

/** Local date and time to the second, as a person reads it in a message. */
function formatClock(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

