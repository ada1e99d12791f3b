// Rolling back: an older version becomes the current one by a new commit "Revert <name> to …" that
// holds its files. Nothing is rewritten, so every version (and every approval) stays in the history.
import path from 'node:path';
import type { VersionWithApproval } from '../../../shared/approvals';
import { WorkbenchError } from '../../../shared/errors';
import type { Author } from '../../../shared/settings';
import { writeFileAtomic } from '../workspace/atomicWrite';
import { GitObjectReader } from '../workspace/gitObjectReader';
import { resolveHead, resolveRef } from '../workspace/gitRefs';
import { commitPromptNow, withCommitLock } from '../workspace/promptCommit';
import { promptNameAt } from '../workspace/promptLineage';
import { promptFilePaths } from '../workspace/promptLibrary';
import { PromptTreeReader, sameEntries } from '../workspace/promptTree';
import { readPromptFiles, type PromptFiles } from '../workspace/promptVersions';
import { toVersion } from '../workspace/versionInfo';
import { workingEntries } from '../workspace/workingEntries';
import { removeFileIfPresent } from '../workspace/workingFile';
import type { Workspace } from '../workspace/workspace';

export async function rollbackPrompt(workspace: Workspace, name: string, ref: string, author: Author): Promise<VersionWithApproval> {
  const dir = workspace.path;
  return withCommitLock(dir, async (index) => {
    const objects = new GitObjectReader(dir);
    const head = await resolveHead(dir, objects);
    if (!head) throw new WorkbenchError('NOT_FOUND', `The repository in ${dir} has no commits yet, so there is no version to go back to.`);
    const target = await resolveRef(workspace, ref, objects);
    const targetVersion = toVersion(target, await objects.readCommit(target));
    const short = targetVersion.shortOid;
    const trees = new PromptTreeReader(objects, name);
    // Before a rename the prompt's files had its older name.
    const atTarget = await new PromptTreeReader(objects, await promptNameAt(dir, name, target, objects)).atCommit(target);
    if (atTarget.prompt === null) {
      throw new WorkbenchError('NOT_FOUND', `"${name}" did not exist at ${short} ("${ref}"). See its versions with \`workbench history ${name}\`.`);
    }
    const atHead = await trees.atCommit(head);
    if (!sameEntries(await workingEntries(workspace, name), atHead)) {
      throw new WorkbenchError(
        'CONFLICT',
        `"${name}" has uncommitted changes. Commit them or discard them first (\`workbench commit ${name} -m …\`, or \`workbench restore ${name} HEAD\`), then roll back.`,
      );
    }
    if (sameEntries(atTarget, atHead)) {
      throw new WorkbenchError('NOTHING_TO_COMMIT', `${short} is already the current version of "${name}": its files are the same as in the last commit.`);
    }

    const current = await readPromptFiles(workspace, name, head, objects);
    writePromptFiles(workspace, name, await readPromptFiles(workspace, name, target, objects));
    try {
      const version = await commitPromptNow(workspace, index, name, `Revert ${name} to ${short} (${targetVersion.summary})`, author);
      return { ...version, approval: null };
    } catch (error) {
      // The draft was clean before: leave it as it was rather than half rolled back.
      writePromptFiles(workspace, name, current);
      throw error;
    }
  });
}

function writePromptFiles(workspace: Workspace, name: string, files: PromptFiles): void {
  const paths = promptFilePaths(name);
  for (const [file, content] of [
    [paths.prompt, files.source],
    [paths.cases, files.casesSource],
  ] as const) {
    if (content === null) removeFileIfPresent(path.join(workspace.path, file));
    else writeFileAtomic(path.join(workspace.path, file), content);
  }
}
