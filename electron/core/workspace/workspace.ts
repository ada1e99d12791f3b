// A workspace is a folder the user owns: prompts/ (the files), .git/ (their history) and
// .workbench/ (the database and app state, git-ignored). Opening one never rewrites it.
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import { GitRepo, appAuthor } from './gitRepo';

export interface OpenWorkspaceOptions {
  workspaceDir: string;
  /** The starter library copied into a new workspace. */
  starterDir: string;
  /** Create the workspace when the folder is missing or empty (otherwise that is an error). */
  create?: boolean;
}

export interface Workspace {
  readonly path: string;
  readonly name: string;
  readonly promptsDir: string;
  readonly stateDir: string;
  readonly databasePath: string;
  readonly git: GitRepo;
  /** True when this call created the workspace. */
  readonly created: boolean;
}

export const PROMPTS_FOLDER = 'prompts';
export const STATE_FOLDER = '.workbench';
export const STARTER_COMMIT_MESSAGE = 'Add starter prompts';

export async function openWorkspace(options: OpenWorkspaceOptions): Promise<Workspace> {
  const dir = path.resolve(options.workspaceDir);
  const state = folderState(dir);
  if (state === 'workspace') return prepareState(dir, false);
  if (state === 'not-a-folder') {
    throw new WorkbenchError('WORKSPACE_INVALID', `${dir} is a file, not a folder. Choose a folder for the workspace.`);
  }
  if (state === 'foreign') {
    throw new WorkbenchError(
      'WORKSPACE_NOT_EMPTY',
      `${dir} is not empty and is not a Prompt Workbench workspace (it has no ${PROMPTS_FOLDER}/ folder). ` +
        'Nothing was changed. Choose an empty or new folder, or an existing workspace.',
    );
  }
  if (!options.create) {
    throw new WorkbenchError(
      'WORKSPACE_INVALID',
      `There is no workspace at ${dir}. Create one with \`workbench init --workspace "${dir}"\`.`,
    );
  }
  const created = makeFolders(dir);
  try {
    await createWorkspace(dir, options.starterDir);
  } catch (error) {
    // The folder was missing or empty: take back what was made, so a retry starts clean.
    for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    for (const folder of created.reverse()) fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return prepareState(dir, true);
}

/**
 * Creates the folder and its missing parents one by one, returning those it made (the first
 * outermost). Not `mkdirSync(…, { recursive: true })`, which never returns under some special
 * file systems (/proc).
 */
function makeFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let current = dir; !fs.existsSync(current); current = path.dirname(current)) {
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of missing) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      throw new WorkbenchError('WORKSPACE_INVALID', `The workspace folder ${dir} could not be created (${reason} at ${folder}). Choose a folder you can write to.`);
    }
  }
  return missing;
}

type FolderState = 'missing' | 'empty' | 'workspace' | 'foreign' | 'not-a-folder';

function folderState(dir: string): FolderState {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    return 'missing';
  }
  if (!stat.isDirectory()) return 'not-a-folder';
  const entries = fs.readdirSync(dir);
  if (entries.length === 0) return 'empty';
  const prompts = path.join(dir, PROMPTS_FOLDER);
  return fs.existsSync(prompts) && fs.statSync(prompts).isDirectory() ? 'workspace' : 'foreign';
}

async function createWorkspace(dir: string, starterDir: string): Promise<void> {
  const starters = listStarterFiles(starterDir);
  fs.mkdirSync(path.join(dir, PROMPTS_FOLDER));
  const repo = new GitRepo(dir);
  await repo.init();
  fs.writeFileSync(path.join(dir, '.gitignore'), `# Prompt Workbench app state (database, caches)\n${STATE_FOLDER}/\n`);
  for (const file of starters) fs.copyFileSync(path.join(starterDir, file), path.join(dir, PROMPTS_FOLDER, file));
  const tracked = ['.gitignore', ...starters.map((file) => `${PROMPTS_FOLDER}/${file}`)];
  await repo.commit(tracked, STARTER_COMMIT_MESSAGE, appAuthor);
}

function listStarterFiles(starterDir: string): string[] {
  try {
    return fs
      .readdirSync(starterDir)
      .filter((file) => file.endsWith('.prompt') || file.endsWith('.cases.yaml'))
      .sort();
  } catch {
    throw new WorkbenchError('INTERNAL', `The starter prompts at ${starterDir} are missing. Reinstall Prompt Workbench.`);
  }
}

function prepareState(dir: string, created: boolean): Workspace {
  assertRealFolder(dir, PROMPTS_FOLDER, 'the prompts');
  const stateDir = path.join(dir, STATE_FOLDER);
  if (fs.existsSync(stateDir) || isLink(stateDir)) assertRealFolder(dir, STATE_FOLDER, 'its database');
  else fs.mkdirSync(stateDir, { recursive: true });
  return {
    path: dir,
    name: path.basename(dir),
    promptsDir: path.join(dir, PROMPTS_FOLDER),
    stateDir,
    databasePath: path.join(stateDir, 'workbench.db'),
    git: new GitRepo(dir),
    created,
  };
}

/**
 * prompts/ and .workbench/ must be real folders inside the workspace: a cloned repository could
 * make either a link to anywhere (then the app would read or write there), or a file.
 */
function assertRealFolder(dir: string, folder: string, holds: string): void {
  const full = path.join(dir, folder);
  const stat = fs.lstatSync(full);
  if (stat.isDirectory()) return;
  const what = stat.isSymbolicLink() ? 'a link' : 'a file';
  throw new WorkbenchError(
    'WORKSPACE_INVALID',
    `${full} is ${what}, not a folder; Prompt Workbench keeps ${holds} in a real folder there. Move it away (for example rename it to ${folder}.old), then open the workspace again.`,
  );
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
