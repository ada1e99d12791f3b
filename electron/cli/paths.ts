// Where the app's own files are, relative to this source file (the CLI runs from the repository).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveWorkspaceDir } from '../core/workspace/location';
import { stringOption, type ParsedArgs } from './command';

export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const starterDir = path.join(appRoot, 'prompts');
export const rendererDir = path.join(appRoot, 'dist', 'renderer');

export function workspaceDirFrom(args: ParsedArgs, env: NodeJS.ProcessEnv): string {
  return resolveWorkspaceDir({ flag: stringOption(args, 'workspace'), env });
}
