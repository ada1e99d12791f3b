// STUB (to be implemented): who commits.
import type { Author } from '../../../shared/settings';

export interface AuthorSources {
  /** The author saved in settings, if any. */
  settings: Author | null;
  env: NodeJS.ProcessEnv;
  home: string;
}

/** Settings first, then GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL, then the global git config; else null. */
export function resolveAuthor(sources: AuthorSources): Author | null {
  return sources.settings;
}
