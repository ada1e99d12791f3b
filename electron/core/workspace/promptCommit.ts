// Commits one prompt: its .prompt and .cases.yaml as they are in the working tree, and nothing else.
// Like `git commit --only prompts/<name>.*`: the new tree is HEAD's tree with just those two entries
// replaced, so other drafts (and anything the user staged with git) stay out of the commit, and
// only those two index entries change. Working on trees directly also keeps the commit's cost
// independent of the size of the history and of the rest of the working tree.
// It takes git's own locks (gitIndexLock, gitRefWrite), so the app, the `workbench` command and
// plain `git` committing at the same time never lose each other's commits.
import path from 'node:path';
import type { TreeEntry } from 'isomorphic-git';
import { WorkbenchError } from '../../../shared/errors';
import type { Author } from '../../../shared/settings';
import type { Version } from '../../../shared/versions';
import { contentHash } from './contentHash';
import { assertRepository, guardGit } from './gitFailure';
import { gitFs } from './gitFs';
import { GitObjectReader } from './gitObjectReader';
import { loadGit } from './isomorphicGit';
import { lockIndex, type IndexLock } from './gitIndexLock';
import { resolveHead } from './gitRefs';
import { compareAndSwapRef, headTarget } from './gitRefWrite';
import { promptFilePaths } from './promptLibrary';
import { promptFileNames, type BlobEntry } from './promptTree';
import { toVersion } from './versionInfo';
import { readFileIfPresent } from './workingFile';
import { PROMPTS_FOLDER, type Workspace } from './workspace';

const FILE_MODE = '100644';
const EXECUTABLE_MODE = '100755';
const TREE_MODE = '040000';

export interface CommitOptions {
  /** Other prompts whose files go into the same commit (a rename commits both names). */
  alsoNames?: string[];
  /**
   * Commit even when the files equal the last commit's (the new commit then has HEAD's tree): an
   * approval records its evidence in a commit of its own even for a version already committed.
   */
  allowUnchanged?: boolean;
  /**
   * contentHash() the .prompt file must have when it is read for the commit (an approval's run was
   * made on exactly that text); an editor saving in between makes the commit fail with CONFLICT.
   */
  expectedPromptHash?: string;
  /** The same for the cases file (ABSENT_FILE_HASH: there must be none). */
  expectedCasesHash?: string;
  /** Called with each commit object built, before the branch moves to it (an approval notes it, to finish its tag after a crash). */
  onCommitBuilt?: (oid: string) => void;
  /**
   * A rename from this name (put it in `alsoNames` too): when the old name is committed, the new
   * name gets its committed files as they are and the old ones go, so git sees an exact rename
   * (`git log --follow` follows it) and a draft stays a draft under the new name. A prompt never
   * committed is committed as its working files are.
   */
  renameFrom?: string;
}

/** `alsoNames`: other prompts whose files go into the same commit (a rename commits both names). */
export async function commitPrompt(workspace: Workspace, name: string, message: string, author: Author, alsoNames: string[] = []): Promise<Version> {
  return withCommitLock(workspace.path, (index) => commitPromptNow(workspace, index, name, message, author, { alsoNames }));
}

/**
 * Runs `work` holding the repository's commit lock, `.git/index.lock`, as `git commit` does: no
 * other commit of this process, of another Prompt Workbench process or of `git` runs meanwhile,
 * so work that checks the files, commits and tags (an approval) sees no other commit land in
 * between. Index changes made through the lock take effect when `work` ends.
 */
export async function withCommitLock<T>(dir: string, work: (index: IndexLock) => Promise<T>): Promise<T> {
  assertRepository(dir);
  // Commits of this process queue here rather than polling for the lock file.
  return oneAtATime(dir, () =>
    guardGit(dir, async () => {
      const index = await lockIndex(dir);
      try {
        return await work(index);
      } finally {
        // Staged only once a commit landed, so this keeps `git status` true even if later work failed.
        index.commit();
      }
    }),
  );
}

/** The commit itself; call it inside withCommitLock, with the index lock it gives. */
export async function commitPromptNow(workspace: Workspace, index: IndexLock, name: string, message: string, author: Author, options: CommitOptions = {}): Promise<Version> {
  const names = [name, ...(options.alsoNames ?? [])];
  const dir = workspace.path;
  const renamed = options.renameFrom === undefined ? null : promptFileNames(options.renameFrom);
  const files: WorkingFile[] = names.flatMap((each, i) => {
    const paths = promptFilePaths(each);
    const fileNames = promptFileNames(each);
    return [
      { filepath: paths.prompt, file: fileNames.prompt, ...(i === 0 && renamed ? { committedAs: renamed.prompt } : {}) },
      { filepath: paths.cases, file: fileNames.cases, ...(i === 0 && renamed ? { committedAs: renamed.cases } : {}) },
    ];
  }).map((entry) => ({ ...entry, content: readFileIfPresent(path.join(dir, entry.filepath)) }));

  // files[0] and files[1] are this prompt's .prompt and .cases.yaml.
  [options.expectedPromptHash, options.expectedCasesHash].forEach((expected, i) => {
    const file = files[i];
    if (expected !== undefined && contentHash(file?.content?.toString('utf8')) !== expected) {
      throw new WorkbenchError('CONFLICT', `${file?.filepath ?? name} changed on disk while it was being committed; nothing was committed. Check it and try again.`);
    }
  });

  const cache = {};
  const objects = new GitObjectReader(dir, cache);
  const target = headTarget(dir);
  // Someone outside the index lock (`git update-ref`, a push into this repository) may move the
  // branch between reading HEAD and writing it: then the same change is rebuilt on the new head.
  for (let attempt = 0; attempt < MAX_REBUILDS; attempt++) {
    const head = await resolveHead(dir, objects);
    const built = await buildCommit(dir, objects, cache, head, files, { name, message, author, allowUnchanged: options.allowUnchanged === true });
    options.onCommitBuilt?.(built.oid);
    const moved = !(await compareAndSwapRef(dir, target, built.oid, head, { who: author, message: `commit: ${built.subject}` }));
    if (moved) continue;
    await updateIndex(dir, index, cache, files, built.blobs);
    return toVersion(built.oid, await objects.readCommit(built.oid));
  }
  throw new WorkbenchError('CONFLICT', `The branch in ${dir} kept moving while "${name}" was being committed; nothing was committed. Try again.`);
}

const MAX_REBUILDS = 5;

interface WorkingFile {
  filepath: string;
  file: string;
  content: Buffer | null;
  /** A rename's new file: it takes this file's entry in HEAD instead of its content, when HEAD has the renamed prompt. */
  committedAs?: string;
}

interface BuiltCommit {
  oid: string;
  subject: string;
  /** The blob written for each file, in order; null for a file that is gone. */
  blobs: (BlobEntry | null)[];
}

/** The commit object for `files` on top of `head` (HEAD's tree with just those entries replaced); no ref moves. */
async function buildCommit(
  dir: string,
  objects: GitObjectReader,
  cache: object,
  head: string | null,
  files: readonly WorkingFile[],
  { name, message, author, allowUnchanged }: { name: string; message: string; author: Author; allowUnchanged: boolean },
): Promise<BuiltCommit> {
  const git = await loadGit();
  const root = head ? await objects.readTree((await objects.readCommit(head)).tree) : [];
  const folder = root.find((entry) => entry.path === PROMPTS_FOLDER && entry.type === 'tree');
  const inFolder = folder ? await objects.readTree(folder.oid) : [];
  const before = files.map(({ file }) => inFolder.find((entry) => entry.path === file && entry.type === 'blob') ?? null);

  if (files.every(({ content }, i) => before[i] === null && content === null)) {
    throw new WorkbenchError('NOT_FOUND', `There is no prompt named "${name}" in ${path.join(dir, PROMPTS_FOLDER)}, and none in the last commit.`);
  }
  const committedEntry = (file: string | undefined) => inFolder.find((entry) => entry.path === file && entry.type === 'blob') ?? null;
  // A rename of a committed prompt moves its committed entries, blob ids and modes as they are.
  // files[0] is the prompt's .prompt file.
  const pureRename = files[0]?.committedAs !== undefined && committedEntry(files[0].committedAs) !== null;
  const after = await Promise.all(
    files.map(async ({ content, committedAs }) =>
      pureRename && committedAs !== undefined ? (committedEntry(committedAs)?.oid ?? null) : content === null ? null : (await git.hashBlob({ object: content })).oid,
    ),
  );
  if (!allowUnchanged && files.every((_file, i) => (before[i]?.oid ?? null) === after[i])) {
    throw new WorkbenchError('NOTHING_TO_COMMIT', `"${name}" has no changes to commit: its files are the same as in the last commit.`);
  }

  const blobs: (BlobEntry | null)[] = await Promise.all(
    files.map(async ({ content, committedAs }, i) => {
      if (pureRename && committedAs !== undefined) {
        const entry = committedEntry(committedAs);
        return entry && { oid: entry.oid, mode: entry.mode };
      }
      // A working file is committed as a plain file, whatever HEAD had there (a link is never committed as one).
      return content === null ? null : { oid: await git.writeBlob({ fs: gitFs, dir, blob: content }), mode: before[i]?.mode === EXECUTABLE_MODE ? EXECUTABLE_MODE : FILE_MODE };
    }),
  );
  const folderEntries: TreeEntry[] = inFolder.filter((entry) => !files.some(({ file }) => file === entry.path));
  files.forEach(({ file }, i) => {
    const blob = blobs[i];
    if (blob) folderEntries.push({ path: file, oid: blob.oid, mode: blob.mode, type: 'blob' });
  });
  const rootEntries = root.filter((entry) => entry.path !== PROMPTS_FOLDER);
  if (folderEntries.length > 0) {
    rootEntries.push({ path: PROMPTS_FOLDER, oid: await git.writeTree({ fs: gitFs, dir, tree: folderEntries }), mode: TREE_MODE, type: 'tree' });
  }
  const tree = await git.writeTree({ fs: gitFs, dir, tree: rootEntries });
  const text = cleanMessage(message);
  const oid = await git.commit({ fs: gitFs, dir, cache, message: text, author, tree, parent: head ? [head] : [], noUpdateBranch: true });
  return { oid, subject: text.split('\n')[0] ?? '', blobs };
}

/**
 * The index follows the commit for these paths only, so `git status` shows them clean. It is given
 * the committed ids rather than re-reading the files, so it matches the commit even if an editor
 * saves meanwhile; without stat data, git re-checks the content on its next status.
 */
async function updateIndex(dir: string, index: IndexLock, cache: object, files: readonly WorkingFile[], blobs: readonly (BlobEntry | null)[]): Promise<void> {
  const git = await loadGit();
  for (const [i, { filepath }] of files.entries()) {
    const blob = blobs[i];
    if (blob) await git.updateIndex({ fs: index.fs, dir, cache, filepath, oid: blob.oid, mode: parseInt(blob.mode, 8), add: true });
    else await git.remove({ fs: index.fs, dir, cache, filepath });
  }
}

/** What `git commit -m` keeps: no trailing spaces, no leading or trailing blank lines, no runs of them. */
export function cleanMessage(message: string): string {
  const lines = message.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd());
  const text = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return `${text}\n`;
}

// Two commits at once in one process would both build on the same HEAD; queue them per repository.
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(dir) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(dir, settled);
  void settled.then(() => {
    if (queues.get(dir) === settled) queues.delete(dir);
  });
  return next;
}
