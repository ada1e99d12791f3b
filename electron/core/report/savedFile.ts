// Where the app puts a report or an export it writes for a person: their Downloads folder, as a
// browser would, or, where there is none (a server, a fresh account), the workspace's
// .workbench/exports/ (ignored by git). A file is never written over: a name taken already gets
// " (2)", " (3)"… as downloads do.
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import { systemErrorMessage } from '../../../shared/systemErrors';

/** Enough for any folder a person keeps; past it something is wrong, and saying so beats trying forever. */
const MAX_SAME_NAME = 1000;

export function exportsFolder(workspacePath: string, home: string): string {
  const downloads = path.join(home, 'Downloads');
  try {
    if (fs.statSync(downloads).isDirectory()) return downloads;
  } catch {
    // No Downloads folder: the workspace's own.
  }
  return path.join(workspacePath, '.workbench', 'exports');
}

/** Writes `content` to a new file named after `fileName` in `folder`; answers where it went and its size. */
export function writeNewFile(folder: string, fileName: string, content: string, what: string): { path: string; fileName: string; bytes: number } {
  const { name, ext } = path.parse(fileName);
  try {
    fs.mkdirSync(folder, { recursive: true });
    for (let copy = 1; copy <= MAX_SAME_NAME; copy++) {
      const candidate = copy === 1 ? fileName : `${name} (${copy})${ext}`;
      const file = path.join(folder, candidate);
      try {
        fs.writeFileSync(file, content, { flag: 'wx' });
        return { path: file, fileName: candidate, bytes: Buffer.byteLength(content) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } catch (error) {
    const reason = systemErrorMessage(error) ?? (error instanceof Error ? error.message : String(error));
    throw new WorkbenchError('STORAGE_ERROR', `Could not write ${what} to ${folder}: ${reason}`);
  }
  throw new WorkbenchError('STORAGE_ERROR', `${folder} already holds ${MAX_SAME_NAME} files named like ${fileName}. Move some away, then save again.`);
}
