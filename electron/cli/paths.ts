// Where the app's own files are, relative to this source file (the CLI runs from the repository).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolveWorkspaceDir } from '../core/workspace/location';
import type { HostEntry } from '../server/forkedCoreHost';
import { stringOption, type ParsedArgs } from './command';

const here = fileURLToPath(import.meta.url);
export const appRoot = path.resolve(path.dirname(here), '../..');
export const starterDir = path.join(appRoot, 'prompts');
export const rendererDir = path.join(appRoot, 'dist', 'renderer');

/**
 * The core host that `serve` starts: coreHost.js beside the bundle (dist/cli/) when this code runs
 * from it, else the TypeScript entry through tsx, as bin/workbench.js runs the sources when the
 * bundle is older than they are.
 */
export function coreHostEntry(): HostEntry {
  if (path.extname(here) !== '.ts') return { file: path.join(path.dirname(here), 'coreHost.js'), execArgv: process.execArgv };
  // By file URL, so it resolves from wherever `workbench` was started.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { file: path.join(appRoot, 'electron', 'core', 'host', 'coreHostMain.ts'), execArgv: [...process.execArgv, '--import', tsx] };
}

export function workspaceDirFrom(args: ParsedArgs, env: NodeJS.ProcessEnv): string {
  return resolveWorkspaceDir({ flag: stringOption(args, 'workspace'), env });
}
