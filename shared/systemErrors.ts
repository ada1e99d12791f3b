// What the operating system or SQLite refused, in words a person can act on: a full disk, a
// read-only folder, a permission. These come from the environment, not from a bug, so they are
// reported as such wherever an error would otherwise surface as an unexpected failure (the
// command line's last resort, the API's INTERNAL). Pure: it reads only an error's code and path.

interface SystemErrorLike {
  code?: unknown;
  path?: unknown;
  dest?: unknown;
}

const FILE_PROBLEMS: Record<string, (where: string) => string> = {
  ENOSPC: (where) => `The disk is full: ${where} could not be written. Free some space and try again.`,
  EDQUOT: (where) => `Your disk quota is used up: ${where} could not be written. Free some space and try again.`,
  EACCES: (where) => `Permission denied for ${where}. Check that you may read and write it, or choose another place.`,
  EPERM: (where) => `The system did not allow the operation on ${where}. Check its permissions, or choose another place.`,
  EROFS: (where) => `${where} is on a read-only disk. Choose a place you can write to.`,
  EIO: (where) => `The disk reported an input/output error for ${where}; it may be failing or disconnected. Check the disk and try again.`,
  EMFILE: () => 'Too many files are open. Close some programs and try again.',
  ENFILE: () => 'The system has too many files open. Close some programs and try again.',
  ENOTDIR: (where) => `Part of the path ${where} is a file, not a folder. Check the path.`,
  EISDIR: (where) => `${where} is a folder where a file was expected. Check the path.`,
};

/** SQLite's own codes (better-sqlite3 sets `code`); a lock or a damaged file has its own error (DB_LOCKED, DB_CORRUPT). */
const DATABASE_PROBLEMS: [RegExp, string][] = [
  [/^SQLITE_FULL$/, 'The disk is full: the workspace database (.workbench/workbench.db) could not be written. Free some space and try again.'],
  [/^SQLITE_IOERR/, 'The workspace database (.workbench/workbench.db) could not be read or written: the disk reported an error. Is it full, read-only or disconnected? Free some space or check the disk, and try again.'],
  [/^SQLITE_READONLY/, 'The workspace database (.workbench/workbench.db) is read-only. Check that you may write to the workspace and its .workbench folder.'],
  [/^SQLITE_CANTOPEN$/, 'The workspace database (.workbench/workbench.db) could not be opened. Check that the .workbench folder exists and that you may write to it.'],
  [/^SQLITE_PERM$/, 'The system did not allow access to the workspace database (.workbench/workbench.db). Check its permissions.'],
];

/** A message for an error the environment caused, or null when it is not one of those. */
export function systemErrorMessage(error: unknown): string | null {
  if (error === null || typeof error !== 'object') return null;
  const { code, path, dest } = error as SystemErrorLike;
  if (typeof code !== 'string') return null;
  const file = FILE_PROBLEMS[code];
  if (file) return file(typeof path === 'string' ? path : typeof dest === 'string' ? dest : 'a file');
  for (const [pattern, message] of DATABASE_PROBLEMS) if (pattern.test(code)) return message;
  return null;
}
