// Differences between two versions of a prompt, or a version and the draft in the working tree.
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import type { PromptDiff } from '../../../shared/versions';
import { GitObjectReader } from './gitObjectReader';
import { resolveRef } from './gitRefs';
import { promptFilePaths } from './promptLibrary';
import { readPromptFiles, type PromptFiles } from './promptVersions';
import { buildFileDiff } from './textDiff';
import { readTextIfPresent } from './workingFile';
import type { Workspace } from './workspace';

export const WORKING = 'working';

interface Side {
  /** A full commit id, or `working`. */
  id: string;
  files: PromptFiles;
}

export async function diffPrompt(workspace: Workspace, name: string, from: string, to: string): Promise<PromptDiff> {
  const objects = new GitObjectReader(workspace.path);
  const before = await readSide(workspace, name, from, objects);
  const after = await readSide(workspace, name, to, objects);
  if (before.files.source === null && after.files.source === null) {
    throw new WorkbenchError(
      'NOT_FOUND',
      `"${name}" exists neither at ${describe(from)} nor at ${describe(to)}. See its versions with \`workbench history ${name}\`.`,
    );
  }
  const paths = promptFilePaths(name);
  const files = [
    buildFileDiff(paths.prompt, before.files.source, after.files.source),
    // A prompt without cases on either side has no cases file to compare.
    ...(before.files.casesSource === null && after.files.casesSource === null
      ? []
      : [buildFileDiff(paths.cases, before.files.casesSource, after.files.casesSource)]),
  ];
  return { from: before.id, to: after.id, files };
}

async function readSide(workspace: Workspace, name: string, side: string, objects: GitObjectReader): Promise<Side> {
  if (side === WORKING) {
    const paths = promptFilePaths(name);
    const read = (file: string) => readTextIfPresent(path.join(workspace.path, file)) ?? null;
    return { id: WORKING, files: { source: read(paths.prompt), casesSource: read(paths.cases) } };
  }
  const oid = await resolveRef(workspace, side, objects);
  return { id: oid, files: await readPromptFiles(workspace, name, oid, objects) };
}

function describe(side: string): string {
  return side === WORKING ? 'the working tree' : `"${side}"`;
}
