// Holding `.git/index.lock` for the whole of a commit, as `git commit` does: while it is held, no
// other commit (the app's, the command line's or git's) can start, and the index changes are
// written into the lock and take effect together when it is renamed over `.git/index`.
//
// isomorphic-git writes `.git/index` itself, without a lock. It is given a file system through
// which the index is read from and written to the lock file instead, once something was staged;
// what it writes keeps git's safeguard for entries staged in the index's last second (racyIndexEntries).
import { statSync } from 'node:fs';
import path from 'node:path';
import { gitFs } from './gitFs';
import { LockFile, type LockOptions } from './gitLockFile';
import { smudgeRacyEntries } from './racyIndexEntries';

export type GitFs = typeof gitFs;

export interface IndexLock {
  /** The file system to give isomorphic-git for index updates under this lock. */
  readonly fs: GitFs;
  /** Index changes take effect (when there are any) and the lock goes. */
  commit(): void;
  /** The lock goes; index changes made under it are dropped. */
  release(): void;
}

export async function lockIndex(dir: string, options?: LockOptions): Promise<IndexLock> {
  const index = path.join(dir, '.git', 'index');
  const lock = await LockFile.acquire(index, options);
  // Held, so no one else writes it now: the second the index we read was written.
  const readIndexMs = statSync(index, { throwIfNoEntry: false })?.mtimeMs;
  const racyFromSeconds = readIndexMs === undefined ? Number.POSITIVE_INFINITY : Math.floor(readIndexMs / 1000);
  let staged = false;
  const isIndex = (file: unknown) => typeof file === 'string' && path.resolve(file) === index;
  const routed = <K extends 'readFile' | 'writeFile' | 'stat' | 'lstat'>(name: K): GitFs[K] =>
    ((file: string, ...rest: unknown[]) => {
      if (name === 'writeFile' && isIndex(file)) {
        staged = true;
        if (Buffer.isBuffer(rest[0])) rest[0] = smudgeRacyEntries(rest[0], racyFromSeconds);
      }
      const call = gitFs[name] as (...args: unknown[]) => Promise<unknown>;
      return call(staged && isIndex(file) ? lock.path : file, ...rest);
    }) as GitFs[K];
  const fs: GitFs = { ...gitFs, readFile: routed('readFile'), writeFile: routed('writeFile'), stat: routed('stat'), lstat: routed('lstat') };
  return {
    fs,
    commit: () => (staged ? lock.commit() : lock.release()),
    release: () => lock.release(),
  };
}
