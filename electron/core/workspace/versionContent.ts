// What a version of a prompt holds, as runs record what they sampled: the content hashes of its
// .prompt and .cases.yaml. A run whose hashes are these sampled this version, whether it ran the
// commit, another commit with the same text, or a draft that was committed later.
import { WorkbenchError } from '../../../shared/errors';
import { contentHash } from './contentHash';
import { GitObjectReader } from './gitObjectReader';
import { resolveRef } from './gitRefs';
import { readPromptFiles } from './promptVersions';
import type { Workspace } from './workspace';

export interface VersionContent {
  /** Today's name and the one the prompt had at the commit (the same unless renamed since). */
  names: string[];
  contentHash: string;
  casesHash: string;
}

/** undefined when the prompt has no .prompt file at the commit, or the commit is not in the repository. */
export async function versionContent(workspace: Workspace, name: string, commit: string): Promise<VersionContent | undefined> {
  const objects = new GitObjectReader(workspace.path);
  let oid: string;
  try {
    oid = await resolveRef(workspace, commit, objects);
  } catch (error) {
    if (error instanceof WorkbenchError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
  const files = await readPromptFiles(workspace, name, oid, objects);
  if (files.source === null) return undefined;
  return { names: [...new Set([name, files.name])], contentHash: contentHash(files.source), casesHash: contentHash(files.casesSource ?? undefined) };
}
