// The embedded git repository, through isomorphic-git, kept readable by the ordinary `git` command.
import { gitError, guardGit as guard, isNotFound } from './gitFailure';
import { gitFs } from './gitFs';
import { lockIndex } from './gitIndexLock';
import { resolveHead } from './gitRefs';
import { compareAndSwapRef, headTarget } from './gitRefWrite';
import { loadGit } from './isomorphicGit';

export interface GitAuthor {
  name: string;
  email: string;
}

/** Used for commits the app makes on its own (the starter library), not on a person's behalf. */
export const appAuthor: GitAuthor = { name: 'Prompt Workbench', email: 'workbench@localhost' };

export class GitRepo {
  constructor(readonly dir: string) {}

  async init(): Promise<void> {
    const git = await loadGit();
    await git.init({ fs: gitFs, dir: this.dir, defaultBranch: 'main' });
  }

  /** Stages the files and commits them on HEAD, under git's index and ref locks. */
  async commit(filepaths: string[], message: string, author: GitAuthor): Promise<string> {
    const git = await loadGit();
    const index = await lockIndex(this.dir);
    try {
      for (const filepath of filepaths) await git.add({ fs: index.fs, dir: this.dir, filepath });
      const head = await resolveHead(this.dir);
      const oid = await git.commit({ fs: index.fs, dir: this.dir, message, author, parent: head ? [head] : [], noUpdateBranch: true });
      if (!(await compareAndSwapRef(this.dir, headTarget(this.dir), oid, head))) {
        throw gitError(this.dir, 'the branch moved while committing; nothing was committed');
      }
      index.commit();
      return oid;
    } finally {
      index.release();
    }
  }

  async currentBranch(): Promise<string | null> {
    const git = await loadGit();
    return (await guard(this.dir, () => git.currentBranch({ fs: gitFs, dir: this.dir }))) ?? null;
  }

  /** The last commit, or null in a repository with no commits yet. */
  async head(): Promise<{ oid: string; message: string } | null> {
    const git = await loadGit();
    try {
      const [entry] = await git.log({ fs: gitFs, dir: this.dir, depth: 1 });
      return entry ? { oid: entry.oid, message: entry.commit.message.trim() } : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw gitError(this.dir, error);
    }
  }

  /** Paths under `prefix` whose working-tree content differs from HEAD (new, modified or deleted). */
  async changedPaths(prefix: string): Promise<Set<string>> {
    const git = await loadGit();
    const rows = await guard(this.dir, () => git.statusMatrix({ fs: gitFs, dir: this.dir, filepaths: [prefix] }));
    const changed = new Set<string>();
    for (const [filepath, headStatus, workdirStatus] of rows) {
      // headStatus 1 = in HEAD; workdirStatus 1 = same as HEAD, 2 = differs, 0 = absent.
      if (!(headStatus === 1 && workdirStatus === 1)) changed.add(filepath);
    }
    return changed;
  }
}
