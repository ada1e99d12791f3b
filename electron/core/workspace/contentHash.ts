// A short fingerprint of a file's content, so a save can tell whether the file changed on disk
// since the editor loaded it (another editor, `git checkout`, a second window).
import { createHash } from 'node:crypto';

export const ABSENT_FILE_HASH = 'absent';

export function contentHash(content: string | undefined): string {
  return content === undefined ? ABSENT_FILE_HASH : createHash('sha256').update(content).digest('hex').slice(0, 16);
}
