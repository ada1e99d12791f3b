// The embedded git repository, through isomorphic-git, kept readable by the ordinary `git` command.
import fs from 'node:fs';
import git from 'isomorphic-git';
import { WorkbenchError } from '../../../shared/errors';

export interface GitAuthor {
  name: string;
  email: string;
}

/** Used for commits the app makes on its own (the starter library), not on a person's behalf. */
export const appAuthor: GitAuthor = { name: 'Prompt Workbench', email: 'workbench@localhost' };

export class GitRepo {
  constructor(readonly dir: string) {}

  async init(): Promise<void> {
    await git.init({ fs, dir: this.dir, defaultBranch: 'main' });
  }

  async commit(filepaths: string[], message: string, author: GitAuthor): Promise<string> {
    for (const filepath of filepaths) await git.add({ fs, dir: this.dir, filepath });
    return git.commit({ fs, dir: this.dir, message, author });
  }

  async currentBranch(): Promise<string | null> {
    return (await guard(this.dir, () => git.currentBranch({ fs, dir: this.dir }))) ?? null;
  }

  /** The last commit, or null in a repository with no commits yet. */
  async head(): Promise<{ oid: string; message: string } | null> {
    try {
      const [entry] = await git.log({ fs, dir: this.dir, depth: 1 });
      return entry ? { oid: entry.oid, message: entry.commit.message.trim() } : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw gitError(this.dir, error);
    }
  }

  /** Paths under `prefix` whose working-tree content differs from HEAD (new, modified or deleted). */
  async changedPaths(prefix: string): Promise<Set<string>> {
    const rows = await guard(this.dir, () => git.statusMatrix({ fs, dir: this.dir, filepaths: [prefix] }));
    const changed = new Set<string>();
    for (const [filepath, headStatus, workdirStatus] of rows) {
      // headStatus 1 = in HEAD; workdirStatus 1 = same as HEAD, 2 = differs, 0 = absent.
      if (!(headStatus === 1 && workdirStatus === 1)) changed.add(filepath);
    }
    return changed;
  }
}

async function guard<T>(dir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw gitError(dir, error);
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'NotFoundError';
}

function gitError(dir: string, error: unknown): WorkbenchError {
  const reason = error instanceof Error ? error.message : String(error);
  return new WorkbenchError(
    'GIT_ERROR',
    `The git repository in ${dir} could not be read (${reason}). Check it with \`git -C "${dir}" fsck\`.`,
  );
}
