// Who commits: the author saved in settings, else GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL, else the
// user's global git config (so a person who set up git is never asked again).
import fs from 'node:fs';
import path from 'node:path';
import { Author } from '../../../shared/settings';
import { configValue, parseGitConfig, type ConfigEntry } from './gitConfigFile';

export interface AuthorSources {
  /** The author saved in settings, if any. */
  settings: Author | null;
  env: NodeJS.ProcessEnv;
  home: string;
}

/** Settings first, then GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL, then the global git config; else null. */
export function resolveAuthor(sources: AuthorSources): Author | null {
  const { env, home } = sources;
  const candidates = [
    () => sources.settings,
    () => ({ name: env.GIT_AUTHOR_NAME, email: env.GIT_AUTHOR_EMAIL }),
    () => {
      const entries = globalConfigFiles(env, home).flatMap(readConfig);
      return { name: configValue(entries, 'user', 'name'), email: configValue(entries, 'user', 'email') };
    },
  ];
  for (const candidate of candidates) {
    // An incomplete or unusable source (no email, "me@localhost") is skipped, not half-used.
    const parsed = Author.safeParse(candidate());
    if (parsed.success) return parsed.data;
  }
  return null;
}

/**
 * The files `git config --global` reads, lowest priority first: $XDG_CONFIG_HOME/git/config
 * (default ~/.config/git/config), then ~/.gitconfig. GIT_CONFIG_GLOBAL replaces both, as in git.
 */
export function globalConfigFiles(env: NodeJS.ProcessEnv, home: string): string[] {
  if (env.GIT_CONFIG_GLOBAL) return [env.GIT_CONFIG_GLOBAL];
  const xdg = env.XDG_CONFIG_HOME ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return [path.join(xdg, 'git', 'config'), path.join(home, '.gitconfig')];
}

function readConfig(file: string): ConfigEntry[] {
  try {
    return parseGitConfig(fs.readFileSync(file, 'utf8'));
  } catch {
    // Missing or unreadable: git treats it as empty too.
    return [];
  }
}
