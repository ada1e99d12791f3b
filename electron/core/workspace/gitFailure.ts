// How failures of the embedded git repository reach a person: one GIT_ERROR naming the folder and
// saying how to check it, while the app's own errors (NOT_FOUND, NOTHING_TO_COMMIT…) pass through.
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';

export function gitError(dir: string, error: unknown): WorkbenchError {
  const reason = error instanceof Error ? error.message : String(error);
  return new WorkbenchError(
    'GIT_ERROR',
    `The git repository in ${dir} could not be read (${reason}). Check it with \`git -C "${dir}" fsck\`.`,
  );
}

/** Runs git work, turning anything but a WorkbenchError into a GIT_ERROR for `dir`. */
export async function guardGit<T>(dir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw gitError(dir, error);
  }
}

/** isomorphic-git's "no such ref / object / path". */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'NotFoundError';
}

const HEAD_CONTENT = /^(ref: refs\/\S+|[0-9a-f]{40})\s*$/;

/**
 * isomorphic-git reports a missing or garbled .git/HEAD as "ref not found", which would read as
 * "no such version" and hide a broken repository; check the basics first, as `git` itself does.
 */
export function assertRepository(dir: string): void {
  const gitdir = path.join(dir, '.git');
  let head: string;
  try {
    if (!fs.statSync(gitdir).isDirectory()) throw new Error(`${gitdir} is not a folder`);
    head = fs.readFileSync(path.join(gitdir, 'HEAD'), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw gitError(dir, missing ? `${(error as NodeJS.ErrnoException).path ?? gitdir} is missing` : error);
  }
  if (!HEAD_CONTENT.test(head)) throw gitError(dir, `${path.join(gitdir, 'HEAD')} is not a valid HEAD`);
}
