// Where the workspace lives: an explicit flag wins, then WORKBENCH_HOME, then ~/PromptWorkbench.
import os from 'node:os';
import path from 'node:path';

export interface LocationOptions {
  flag?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

export function resolveWorkspaceDir(options: LocationOptions = {}): string {
  const env = options.env ?? process.env;
  const chosen = options.flag || env.WORKBENCH_HOME || path.join(options.home ?? os.homedir(), 'PromptWorkbench');
  return path.resolve(expandHome(chosen, options.home ?? os.homedir()));
}

function expandHome(p: string, home: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(home, p.slice(1)) : p;
}
