// Changing prompt files: saving drafts (never over an edit made elsewhere), and creating,
// renaming, duplicating and deleting prompts. Writes are atomic; deletes stay recoverable in git.
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import type { PromptCase } from '../../../shared/prompts';
import type { Author } from '../../../shared/settings';
import { createFileExclusive, writeFileAtomic } from './atomicWrite';
import { serializeCases } from './casesWriter';
import { contentHash } from './contentHash';
import { blankCases, blankPrompt } from './blankPrompt';
import { parsePromptFile } from './promptFile';
import { CASES_EXTENSION, PROMPT_EXTENSION, promptFilePaths } from './promptLibrary';
import { commitPromptNow, withCommitLock } from './promptCommit';
import { commitPrompt } from './promptVersions';
import { pathTaken, readFileIfPresent, readTextIfPresent } from './workingFile';
import type { Workspace } from './workspace';

export async function savePromptSource(workspace: Workspace, name: string, source: string, expectedHash?: string): Promise<void> {
  const file = absolute(workspace, promptFilePaths(name).prompt);
  const current = readTextIfPresent(file);
  if (current === undefined) throw notFound(workspace, name);
  guardAgainstOutsideEdit(file, current, expectedHash);
  if (current !== source) writeFileAtomic(file, source);
}

export async function saveCases(workspace: Workspace, name: string, cases: PromptCase[], expectedHash?: string): Promise<void> {
  if (!pathTaken(absolute(workspace, promptFilePaths(name).prompt))) throw notFound(workspace, name);
  const names = new Set<string>();
  for (const entry of cases) {
    if (names.has(entry.name)) throw new WorkbenchError('BAD_INPUT', `Two cases are named "${entry.name}"; give each case its own name.`);
    names.add(entry.name);
  }
  const file = absolute(workspace, promptFilePaths(name).cases);
  const current = readTextIfPresent(file);
  guardAgainstOutsideEdit(file, current, expectedHash);
  const next = serializeCases(cases, current);
  if (current !== next) writeFileAtomic(file, next);
}

export function listStarters(starterDir: string): { name: string; description: string }[] {
  return fs
    .readdirSync(starterDir)
    .filter((file) => file.endsWith(PROMPT_EXTENSION))
    .sort()
    .map((file) => ({
      name: file.slice(0, -PROMPT_EXTENSION.length),
      description: parsePromptFile(file, fs.readFileSync(path.join(starterDir, file), 'utf8')).description,
    }));
}

export async function createPrompt(workspace: Workspace, starterDir: string, name: string, starter?: string): Promise<void> {
  const files = promptFilePaths(name);
  ensureFree(workspace, name);
  let source = blankPrompt();
  let cases: string | undefined = blankCases();
  if (starter !== undefined) {
    const starterFile = path.join(starterDir, `${starter}${PROMPT_EXTENSION}`);
    if (!fs.existsSync(starterFile)) {
      const known = listStarters(starterDir).map((s) => `"${s.name}"`).join(', ');
      throw new WorkbenchError('NOT_FOUND', `There is no starter named "${starter}". Starters: ${known}.`);
    }
    source = fs.readFileSync(starterFile, 'utf8');
    cases = readTextIfPresent(path.join(starterDir, `${starter}${CASES_EXTENSION}`));
  }
  createFileExclusive(absolute(workspace, files.prompt), source);
  if (cases !== undefined) writeFileAtomic(absolute(workspace, files.cases), cases);
}

/** What else is kept under a prompt's name (its runs in the database), moved with a rename. */
export interface RenameRecords {
  move(from: string, to: string): Promise<void>;
}

/**
 * Moves both files and commits the move at once, so history follows the prompt (`git log --follow`)
 * and no half-finished rename (old files deleted, new ones untracked) is left behind. The commit
 * holds the committed files under the new name, nothing else: a draft stays a draft. The records
 * move first (a locked database refuses the rename before anything else moves) and move back if
 * the commit fails, when the files go back too.
 */
export async function renamePrompt(workspace: Workspace, name: string, newName: string, author: Author, records?: RenameRecords): Promise<void> {
  if (name === newName) return;
  const from = promptFilePaths(name);
  const to = promptFilePaths(newName);
  // Reading both first refuses a link or a special file before anything moves.
  if (readFileIfPresent(absolute(workspace, from.prompt)) === null) throw notFound(workspace, name);
  const hasCases = readFileIfPresent(absolute(workspace, from.cases)) !== null;
  ensureFree(workspace, newName);
  const moves = [[from.prompt, to.prompt], ...(hasCases ? [[from.cases, to.cases]] : [])] as const;
  await records?.move(name, newName);
  try {
    await withCommitLock(workspace.path, async (index) => {
      for (const [a, b] of moves) fs.renameSync(absolute(workspace, a), absolute(workspace, b));
      try {
        await commitPromptNow(workspace, index, newName, `Rename ${name} to ${newName}`, author, { alsoNames: [name], renameFrom: name });
      } catch (error) {
        for (const [a, b] of [...moves].reverse()) fs.renameSync(absolute(workspace, b), absolute(workspace, a));
        throw error;
      }
    });
  } catch (error) {
    await records?.move(newName, name).catch(() => undefined);
    throw error;
  }
}

export async function duplicatePrompt(workspace: Workspace, name: string, newName: string): Promise<void> {
  const from = promptFilePaths(name);
  const to = promptFilePaths(newName);
  const source = readTextIfPresent(absolute(workspace, from.prompt));
  if (source === undefined) throw notFound(workspace, name);
  ensureFree(workspace, newName);
  createFileExclusive(absolute(workspace, to.prompt), source);
  const cases = readTextIfPresent(absolute(workspace, from.cases));
  if (cases !== undefined) writeFileAtomic(absolute(workspace, to.cases), cases);
}

/** Deletes both files in a commit; an uncommitted draft is committed first so it can be restored too. */
export async function deletePrompt(workspace: Workspace, name: string, author: Author): Promise<{ name: string; oid: string }> {
  const files = promptFilePaths(name);
  if (!pathTaken(absolute(workspace, files.prompt))) throw notFound(workspace, name);
  const changed = await workspace.git.changedPaths(files.prompt.split('/')[0] as string);
  if (changed.has(files.prompt) || changed.has(files.cases)) {
    await commitPrompt(workspace, name, `Save draft of ${name} before deleting it`, author);
  }
  fs.rmSync(absolute(workspace, files.prompt));
  fs.rmSync(absolute(workspace, files.cases), { force: true });
  const version = await commitPrompt(workspace, name, `Delete ${name}`, author);
  return { name, oid: version.oid };
}

function guardAgainstOutsideEdit(file: string, current: string | undefined, expectedHash: string | undefined): void {
  if (expectedHash === undefined || contentHash(current) === expectedHash) return;
  throw new WorkbenchError(
    'CONFLICT',
    `${path.basename(file)} was changed on disk (by another editor or git) since you opened it. Choose which version to keep.`,
    { diskSource: current ?? null, diskHash: contentHash(current) },
  );
}

function ensureFree(workspace: Workspace, name: string): void {
  // Anything at the name counts, even a broken link: a new file is never written through one.
  if (pathTaken(absolute(workspace, promptFilePaths(name).prompt))) {
    throw new WorkbenchError('ALREADY_EXISTS', `A prompt named "${name}" already exists. Choose another name.`);
  }
}

function notFound(workspace: Workspace, name: string): WorkbenchError {
  return new WorkbenchError('NOT_FOUND', `There is no prompt named "${name}" in ${workspace.promptsDir}.`);
}

function absolute(workspace: Workspace, relative: string): string {
  return path.join(workspace.path, relative);
}
