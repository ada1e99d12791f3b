// A prompt's files in the working tree, where either may be missing: a missing file is a value
// (null, false), not an error. Every read of a workspace file comes through here, and refuses
// what a hostile repository could put in its place: a link (to /etc/passwd, or anything outside
// the workspace), a device or pipe, or a file too large to be a prompt.
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import { MAX_FILE_BYTES, tooLarge } from './fileLimits';

// O_NOFOLLOW makes opening a link fail instead of opening its target, in the same call, so no
// link can be swapped in between a check and the read. O_NONBLOCK keeps a named pipe from hanging
// the open. Both are 0 where the platform lacks them (Windows); lstat then checks links.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

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

/** The file's bytes, or null when it does not exist; a link, a special file or a huge file is refused. */
export function readFileIfPresent(file: string): Buffer | null {
  if (!fs.constants.O_NOFOLLOW && isLink(file)) throw notAFile(file, 'a link');
  let handle: number;
  try {
    handle = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    // ELOOP: the last part of the path is a link (O_NOFOLLOW); EISDIR: a folder took the name.
    if (code === 'ELOOP' || code === 'EMLINK') throw notAFile(file, 'a link');
    if (code === 'EISDIR') throw notAFile(file, 'a folder');
    throw error;
  }
  try {
    const stat = fs.fstatSync(handle);
    if (!stat.isFile()) throw notAFile(file, stat.isDirectory() ? 'a folder' : 'a special file');
    if (stat.size > MAX_FILE_BYTES) throw tooLarge(shortName(file), stat.size);
    return fs.readFileSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

/** Whether a plain file is at this path (a link there does not count, nor does what it points to). */
export function isPlainFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether anything at all, even a broken link, holds this path. */
export function pathTaken(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function notAFile(file: string, what: string): WorkbenchError {
  return new WorkbenchError(
    'PROMPT_INVALID',
    `${shortName(file)} is ${what}, not a file: Prompt Workbench does not open it. Replace it with an ordinary file (or remove it).`,
    { file: shortName(file) },
  );
}

/** `prompts/<file>`: the part of the path a person recognises in a message. */
function shortName(file: string): string {
  return path.join(path.basename(path.dirname(file)), path.basename(file));
}
