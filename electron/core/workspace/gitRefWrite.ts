// Moving a ref the way `git update-ref <ref> <new> <old>` does: under `<ref>.lock`, and only if the
// ref still holds the value the caller built on (compare-and-swap). A commit built on a HEAD that
// someone else has moved since is refused rather than written over theirs; the caller rebuilds it
// on the new head. The reflog gets a line when git keeps one for the ref, as git would write.
import fs from 'node:fs';
import path from 'node:path';
import type { Author } from '../../../shared/settings';
import { LockFile, type LockOptions } from './gitLockFile';

const ZERO_OID = '0'.repeat(40);

export interface RefLogEntry {
  who: Author;
  /** The reflog message, e.g. `commit: Fix the tone`. */
  message: string;
}

/** The ref a commit on HEAD moves: the branch HEAD names, or HEAD itself when it is detached. */
export function headTarget(dir: string): string {
  const head = fs.readFileSync(path.join(dir, '.git', 'HEAD'), 'utf8').trim();
  return head.startsWith('ref: ') ? head.slice(5).trim() : 'HEAD';
}

/**
 * Sets `ref` to `next` if it holds `expected` (null: the ref must not exist yet). Returns false,
 * changing nothing, when someone else got there first.
 */
export async function compareAndSwapRef(dir: string, ref: string, next: string, expected: string | null, log?: RefLogEntry, options?: LockOptions): Promise<boolean> {
  const gitdir = path.join(dir, '.git');
  const lock = await LockFile.acquire(path.join(gitdir, ref), options);
  try {
    if (readRef(gitdir, ref) !== expected) return false;
    lock.write(`${next}\n`);
    lock.commit();
  } finally {
    lock.release();
  }
  if (log) appendRefLog(gitdir, ref, expected, next, log);
  return true;
}

/** What the ref holds now: its loose file, else its line in packed-refs; null when it does not exist. */
export function readRef(gitdir: string, ref: string): string | null {
  try {
    const loose = fs.readFileSync(path.join(gitdir, ref), 'utf8').trim();
    // A symbolic ref (HEAD attached to a branch again) no longer holds the commit we built on.
    return loose.startsWith('ref: ') ? loose : loose.toLowerCase();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
  }
  let packed: string;
  try {
    packed = fs.readFileSync(path.join(gitdir, 'packed-refs'), 'utf8');
  } catch {
    return null;
  }
  for (const line of packed.split('\n')) {
    const [oid, name] = line.split(' ');
    if (name?.trim() === ref && oid && /^[0-9a-f]{40}$/i.test(oid)) return oid.toLowerCase();
  }
  return null;
}

/** Appends to the reflogs git keeps for this ref (and for HEAD when it names the ref); never starts one. */
function appendRefLog(gitdir: string, ref: string, before: string | null, after: string, { who, message }: RefLogEntry): void {
  const seconds = Math.floor(Date.now() / 1000);
  const offset = -new Date().getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  const line = `${before ?? ZERO_OID} ${after} ${who.name} <${who.email}> ${seconds} ${zone}\t${message.split('\n')[0]}\n`;
  const logs = [ref];
  if (ref !== 'HEAD' && headTarget(path.dirname(gitdir)) === ref) logs.push('HEAD');
  for (const name of logs) {
    const file = path.join(gitdir, 'logs', name);
    // git starts a branch's reflog itself; one the user turned off or never had stays absent.
    if (fs.existsSync(file)) fs.appendFileSync(file, line);
  }
}
