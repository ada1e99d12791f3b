// A prompt's files in the working tree, where either may be missing: a missing file is a value
// (null, false), not an error.
import fs from 'node:fs';

/** True when there was a file to remove. */
export function removeFileIfPresent(file: string): boolean {
  try {
    fs.unlinkSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The file as UTF-8 text, or undefined when it does not exist. */
export function readTextIfPresent(file: string): string | undefined {
  return readFileIfPresent(file)?.toString('utf8');
}

export function readFileIfPresent(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
