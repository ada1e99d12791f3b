// Commits one prompt: its .prompt and .cases.yaml as they are in the working tree, and nothing else.
// Like `git commit --only prompts/<name>.*`: the new tree is HEAD's tree with just those two entries
// replaced, so other drafts (and anything the user staged with git) stay out of the commit, and
// only those two index entries change. Working on trees directly also keeps the commit's cost
// independent of the size of the history and of the rest of the working tree.
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
import { resolveHead } from './gitRefs';
import { promptFilePaths } from './promptLibrary';
import { promptFileNames, type BlobEntry } from './promptTree';
import { toVersion } from './versionInfo';
import { readFileIfPresent } from './workingFile';
import { PROMPTS_FOLDER, type Workspace } from './workspace';

const FILE_MODE = '100644';
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
}

/** `alsoNames`: other prompts whose files go into the same commit (a rename commits both names). */
export async function commitPrompt(workspace: Workspace, name: string, message: string, author: Author, alsoNames: string[] = []): Promise<Version> {
  return withCommitLock(workspace.path, () => commitPromptNow(workspace, name, message, author, { alsoNames }));
}

/**
 * Runs `work` when no other commit of this process is under way in the repository, so work that
 * checks the files, commits and tags (an approval) sees no other commit land in between.
 */
export async function withCommitLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  assertRepository(dir);
  return oneAtATime(dir, () => guardGit(dir, work));
}

/** The commit itself; call it inside withCommitLock. */
export async function commitPromptNow(workspace: Workspace, name: string, message: string, author: Author, options: CommitOptions = {}): Promise<Version> {
  const git = await loadGit();
  const names = [name, ...(options.alsoNames ?? [])];
  const dir = workspace.path;
  const cache = {};
  const objects = new GitObjectReader(dir, cache);
  const head = await resolveHead(dir, objects);
  const root = head ? await objects.readTree((await objects.readCommit(head)).tree) : [];
  const folder = root.find((entry) => entry.path === PROMPTS_FOLDER && entry.type === 'tree');
  const inFolder = folder ? await objects.readTree(folder.oid) : [];

  const files = names.flatMap((each) => {
    const paths = promptFilePaths(each);
    const files = promptFileNames(each);
    return [
      { path: paths.prompt, file: files.prompt },
      { path: paths.cases, file: files.cases },
    ];
  }).map(({ path: filepath, file }) => {
    const before = inFolder.find((entry) => entry.path === file && entry.type === 'blob');
    const content = readFileIfPresent(path.join(dir, filepath));
    return { filepath, file, before: before ? { oid: before.oid, mode: before.mode } : null, content };
  });

  // files[0] and files[1] are this prompt's .prompt and .cases.yaml.
  [options.expectedPromptHash, options.expectedCasesHash].forEach((expected, index) => {
    const file = files[index];
    if (expected !== undefined && contentHash(file?.content?.toString('utf8')) !== expected) {
      throw new WorkbenchError('CONFLICT', `${file?.filepath ?? name} changed on disk while it was being committed; nothing was committed. Check it and try again.`);
    }
  });

  const after = await Promise.all(
    files.map(async ({ content }) => (content === null ? null : (await git.hashBlob({ object: content })).oid)),
  );
  if (files.every(({ before, content }) => before === null && content === null)) {
    throw new WorkbenchError('NOT_FOUND', `There is no prompt named "${name}" in ${workspace.promptsDir}, and none in the last commit.`);
  }
  if (!options.allowUnchanged && files.every(({ before }, i) => (before?.oid ?? null) === after[i])) {
    throw new WorkbenchError('NOTHING_TO_COMMIT', `"${name}" has no changes to commit: its files are the same as in the last commit.`);
  }

  const written: (BlobEntry | null)[] = await Promise.all(
    files.map(async ({ content, before }) =>
      content === null ? null : { oid: await git.writeBlob({ fs: gitFs, dir, blob: content }), mode: before?.mode ?? FILE_MODE },
    ),
  );
  const folderEntries: TreeEntry[] = inFolder.filter((entry) => !files.some(({ file }) => file === entry.path));
  files.forEach(({ file }, i) => {
    const blob = written[i];
    if (blob) folderEntries.push({ path: file, oid: blob.oid, mode: blob.mode, type: 'blob' });
  });
  const rootEntries = root.filter((entry) => entry.path !== PROMPTS_FOLDER);
  if (folderEntries.length > 0) {
    rootEntries.push({ path: PROMPTS_FOLDER, oid: await git.writeTree({ fs: gitFs, dir, tree: folderEntries }), mode: TREE_MODE, type: 'tree' });
  }
  const tree = await git.writeTree({ fs: gitFs, dir, tree: rootEntries });

  const oid = await git.commit({ fs: gitFs, dir, cache, message: cleanMessage(message), author, tree, parent: head ? [head] : [] });
  // The index follows the commit for these two paths only, so `git status` shows them clean. It is
  // given the committed ids rather than re-reading the files, so it matches the commit even if an
  // editor saves meanwhile; without stat data, git re-checks the content on its next status.
  for (const [i, { filepath }] of files.entries()) {
    const blob = written[i];
    if (blob) await git.updateIndex({ fs: gitFs, dir, cache, filepath, oid: blob.oid, mode: parseInt(blob.mode, 8), add: true });
    else await git.remove({ fs: gitFs, dir, cache, filepath });
  }
  return toVersion(oid, await objects.readCommit(oid));
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
