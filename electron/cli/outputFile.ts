// Writing a file a person named on the command line (export --output, report -o). Whatever stops
// it (a folder that does not exist, a name that is a folder, no permission, a full disk) becomes one
// line saying what to change; a file left half-written by a full disk is removed.
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../shared/errors';
import { systemErrorMessage } from '../../shared/systemErrors';

export interface OutputTarget {
  /** What is written, for the message: "the export", "the report". */
  what: string;
  /** The option that names the file, for the message: "--output". */
  option: string;
}

export function writeOutputFile(file: string, content: string, target: OutputTarget): void {
  const existed = fs.existsSync(file);
  try {
    fs.writeFileSync(file, content);
  } catch (error) {
    if (!existed) removeQuietly(file);
    throw new WorkbenchError('BAD_INPUT', `Could not write ${target.what} to ${file}: ${reasonFor(error, file, target)}`);
  }
}

function reasonFor(error: unknown, file: string, { option }: OutputTarget): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const folder = path.dirname(path.resolve(file));
  if (code === 'ENOENT') return `the folder ${folder} does not exist. Create it first, or choose another place with ${option}.`;
  if (code === 'EISDIR') return `it is a folder. Give a file name with ${option}.`;
  if (code === 'ENOTDIR') return `${firstFileOnTheWay(folder) ?? folder} is a file, not a folder. Choose another place with ${option}.`;
  if (code === 'EACCES' || code === 'EPERM') return `you may not write there. Choose another place with ${option}.`;
  if (code === 'ENAMETOOLONG') return `the name is too long for the file system. Choose a shorter one with ${option}.`;
  if (code === 'ENOSPC' || code === 'EDQUOT') return `the disk is full. Free some space, or choose another place with ${option}.`;
  if (code === 'EROFS') return `the disk is read-only. Choose another place with ${option}.`;
  const system = systemErrorMessage(error);
  if (system) return system;
  return `${error instanceof Error ? error.message : String(error)}. Choose another place with ${option}.`;
}

/** The nearest ancestor that exists and is a file, which is what makes ENOTDIR. */
function firstFileOnTheWay(folder: string): string | null {
  for (let current = folder; ; current = path.dirname(current)) {
    try {
      if (!fs.statSync(current).isDirectory()) return current;
    } catch {
      // Missing or unreadable: look further up.
    }
    if (path.dirname(current) === current) return null;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing was written, or it cannot be removed either: the message already says what failed.
  }
}
