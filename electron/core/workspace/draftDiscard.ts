// Discarding a draft: a prompt's files go back to the last commit, and what they held is handed
// back so it can be put back (the undo). Putting it back writes over nothing that changed since.
import path from 'node:path';
import type { DraftFiles } from '../../../shared/drafts';
import { WorkbenchError } from '../../../shared/errors';
import { writeFileAtomic } from './atomicWrite';
import { contentHash } from './contentHash';
import { assertPromptName, promptFilePaths } from './promptLibrary';
import { promptAtVersion } from './promptVersions';
import { readTextIfPresent, removeFileIfPresent } from './workingFile';
import type { Workspace } from './workspace';

function writeDraft(workspace: Workspace, name: string, files: DraftFiles): void {
  const paths = promptFilePaths(name);
  writeFileAtomic(path.join(workspace.path, paths.prompt), files.source);
  if (files.casesSource === null) removeFileIfPresent(path.join(workspace.path, paths.cases));
  else writeFileAtomic(path.join(workspace.path, paths.cases), files.casesSource);
}

function readDraft(workspace: Workspace, name: string): { source: string | undefined; casesSource: string | undefined } {
  const paths = promptFilePaths(name);
  return { source: readTextIfPresent(path.join(workspace.path, paths.prompt)), casesSource: readTextIfPresent(path.join(workspace.path, paths.cases)) };
}

/** Puts the last commit's files back; answers what the draft held. */
export async function discardDraft(workspace: Workspace, name: string): Promise<DraftFiles> {
  assertPromptName(name);
  const committed = await promptAtVersion(workspace, name, 'HEAD').catch((error: unknown) => {
    if (error instanceof WorkbenchError && error.code === 'NOT_FOUND') {
      throw new WorkbenchError('BAD_INPUT', `“${name}” was never committed, so there is no version to go back to. Delete the prompt instead, or commit it.`);
    }
    throw error;
  });
  const draft = readDraft(workspace, name);
  if (draft.source === undefined) throw new WorkbenchError('NOT_FOUND', `prompts/${name}.prompt is gone; restore it from the history instead.`);
  if (draft.source === committed.source && (draft.casesSource ?? null) === committed.casesSource) {
    throw new WorkbenchError('BAD_INPUT', `“${name}” has no changes since its last commit: there is nothing to discard.`);
  }
  writeDraft(workspace, name, { source: committed.source, casesSource: committed.casesSource });
  return { source: draft.source, casesSource: draft.casesSource ?? null };
}

/** Writes a discarded draft back, if neither file changed since the discard. */
export function restoreDraft(workspace: Workspace, name: string, draft: DraftFiles, expected: { source: string; cases: string }): void {
  assertPromptName(name);
  const now = readDraft(workspace, name);
  if (contentHash(now.source) !== expected.source || contentHash(now.casesSource) !== expected.cases) {
    throw new WorkbenchError(
      'CONFLICT',
      `The files of “${name}” changed since its draft was discarded, so the draft was not put back over them. Copy what you need from the history instead.`,
    );
  }
  writeDraft(workspace, name, draft);
}
