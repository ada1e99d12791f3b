// Whether the text an approval is about is committed already: then the approval is a tag on the
// version that holds it, and no commit is made (an empty commit would only repeat the version, and
// its message would take the place of the version's own description in the history).
import path from 'node:path';
import type { CommitObject } from 'isomorphic-git';
import { WorkbenchError } from '../../../shared/errors';
import { contentHash } from '../workspace/contentHash';
import { GitObjectReader } from '../workspace/gitObjectReader';
import { resolveHead } from '../workspace/gitRefs';
import { walkPrompt } from '../workspace/promptLineage';
import { promptFilePaths } from '../workspace/promptLibrary';
import { PromptTreeReader, sameEntries } from '../workspace/promptTree';
import { workingEntries } from '../workspace/workingEntries';
import { readTextIfPresent } from '../workspace/workingFile';
import type { Workspace } from '../workspace/workspace';

export interface CommittedVersion {
  oid: string;
  commit: CommitObject;
}

/**
 * The version whose files the working files are, when HEAD holds them unchanged: the newest commit
 * that changed the prompt (it made the text HEAD holds). null when the working files are a draft.
 * Call it holding the commit lock; the files must still be the text and cases the run used.
 */
export async function committedVersion(workspace: Workspace, name: string, expected: { promptHash: string; casesHash: string | null }): Promise<CommittedVersion | null> {
  const paths = promptFilePaths(name);
  const read = (file: string) => readTextIfPresent(path.join(workspace.path, file));
  if (contentHash(read(paths.prompt)) !== expected.promptHash || (expected.casesHash !== null && contentHash(read(paths.cases)) !== expected.casesHash)) {
    throw new WorkbenchError('CONFLICT', `${paths.prompt} or its cases changed on disk while the approval was being made; nothing was approved. Check it and try again.`);
  }
  const objects = new GitObjectReader(workspace.path);
  const head = await resolveHead(workspace.path, objects);
  if (!head) return null;
  const atHead = await new PromptTreeReader(objects, name).atCommit(head);
  if (atHead.prompt === null || !sameEntries(await workingEntries(workspace, name), atHead)) return null;
  for await (const step of walkPrompt(objects, head, name)) {
    if (step.changed) return { oid: step.oid, commit: step.commit };
  }
  return null;
}
