// Writes a file so that a crash leaves either the old content or the new, never half of each:
// write a temp file beside it, flush it to disk, then rename it over the target.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, content: string): void {
  // A dot-name in the same folder: same filesystem (rename is atomic), ignored by the prompt watcher.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = fs.openSync(temp, 'w');
  try {
    fs.writeFileSync(handle, content, 'utf8');
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Creates a new file, failing if it exists (no race between the check and the write). */
export function createFileExclusive(file: string, content: string): void {
  fs.writeFileSync(file, content, { encoding: 'utf8', flag: 'wx' });
}
