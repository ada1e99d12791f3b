// Versions of one prompt in the embedded git repository: commit, list, read one, restore one.
// Restoring writes an old version as the new draft; history is never rewritten.
import path from 'node:path';
import { WorkbenchError } from '../../../shared/errors';
import type { PromptAtVersion } from '../../../shared/versions';
import { writeFileAtomic } from './atomicWrite';
import { guardGit } from './gitFailure';
import { GitObjectReader } from './gitObjectReader';
import { resolveRef } from './gitRefs';
import { promptNameAt } from './promptLineage';
import { promptFilePaths } from './promptLibrary';
import { PromptTreeReader } from './promptTree';
import { SHORT_OID_LENGTH } from './versionInfo';
import { removeFileIfPresent } from './workingFile';
import type { Workspace } from './workspace';

export { commitPrompt } from './promptCommit';
export { promptHistory } from './promptHistory';
export { resolveRef } from './gitRefs';

export interface PromptFiles {
  /** null when the prompt did not exist at that version. */
  source: string | null;
  casesSource: string | null;
}

/**
 * Both files of a prompt at a commit (already resolved to a full id), under the name it had there
 * (before a rename, an older one). Decoded as working files are read (a byte-order mark is kept),
 * so a commit's text and the same text as a draft have the same content hash.
 */
export async function readPromptFiles(workspace: Workspace, name: string, oid: string, objects = new GitObjectReader(workspace.path)): Promise<PromptFiles & { name: string }> {
  return guardGit(workspace.path, async () => {
    const at = await promptNameAt(workspace.path, name, oid, objects);
    const entries = await new PromptTreeReader(objects, at).atCommit(oid);
    const text = async (entry: { oid: string } | null) => (entry ? (await objects.readBlob(entry.oid)).toString('utf8') : null);
    return { name: at, source: await text(entries.prompt), casesSource: await text(entries.cases) };
  });
}

export async function promptAtVersion(workspace: Workspace, name: string, ref: string): Promise<PromptAtVersion> {
  const objects = new GitObjectReader(workspace.path);
  const oid = await resolveRef(workspace, ref, objects);
  const files = await readPromptFiles(workspace, name, oid, objects);
  if (files.source === null) {
    throw new WorkbenchError(
      'NOT_FOUND',
      `"${name}" did not exist at ${oid.slice(0, SHORT_OID_LENGTH)} ("${ref}"). See its versions with \`workbench history ${name}\`.`,
    );
  }
  return { oid, source: files.source, casesSource: files.casesSource };
}

/** Writes the version's files as the new draft (history is never rewritten). */
export async function restorePrompt(workspace: Workspace, name: string, ref: string): Promise<void> {
  const version = await promptAtVersion(workspace, name, ref);
  const paths = promptFilePaths(name);
  writeFileAtomic(path.join(workspace.path, paths.prompt), version.source);
  if (version.casesSource === null) removeFileIfPresent(path.join(workspace.path, paths.cases));
  else writeFileAtomic(path.join(workspace.path, paths.cases), version.casesSource);
}
