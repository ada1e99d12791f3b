// The versions of one prompt: commits that changed its .prompt or .cases.yaml, newest first, as
// `git log --follow -- prompts/<name>.prompt` lists them (the walk is promptLineage.ts): across
// renames, a version made under an older name says which (`promptName`).
//
// Each version carries its approvals (versionApprovals.ts): the approved/<name>/v<k> tags pointing
// at it, under the name the prompt had there (tags are listed once per name and call), and the
// trailers of its message. An approval commit that changed no file (approvals once made one for a
// version already committed) counts as a version when one of the prompt's tags marks it.
import type { VersionWithApproval } from '../../../shared/approvals';
import { listApprovalTags, type ApprovalTag } from './approvalTags';
import { guardGit } from './gitFailure';
import { GitObjectReader } from './gitObjectReader';
import { resolveHead } from './gitRefs';
import { walkPrompt } from './promptLineage';
import { versionApprovals } from './versionApprovals';
import { toVersion } from './versionInfo';
import type { Workspace } from './workspace';

/** `approvedOnly` keeps the approved versions; `limit` then counts those. */
export async function promptHistory(workspace: Workspace, name: string, limit?: number, approvedOnly = false): Promise<VersionWithApproval[]> {
  const dir = workspace.path;
  const objects = new GitObjectReader(dir);
  const head = await resolveHead(dir, objects);
  if (!head) return [];
  return guardGit(dir, async () => {
    const tagsByName = new Map<string, Map<string, ApprovalTag[]>>();
    const tagsAt = async (promptName: string, oid: string) => {
      let byCommit = tagsByName.get(promptName);
      if (!byCommit) {
        byCommit = new Map();
        for (const tag of await listApprovalTags(dir, promptName, objects)) byCommit.set(tag.commit, [...(byCommit.get(tag.commit) ?? []), tag]);
        tagsByName.set(promptName, byCommit);
      }
      return byCommit.get(oid) ?? [];
    };

    const versions: VersionWithApproval[] = [];
    for await (const step of walkPrompt(objects, head, name)) {
      const tags = await tagsAt(step.name, step.oid);
      // A commit that changed nothing belongs to this prompt only through its tag (its trailers could be another prompt's).
      if (!step.changed && tags.length === 0) continue;
      const approvals = versionApprovals(step.commit.message, tags);
      if (approvedOnly && approvals.length === 0) continue;
      versions.push({
        ...toVersion(step.oid, step.commit),
        approval: approvals[0] ?? null,
        approvals,
        ...(step.name === name ? {} : { promptName: step.name }),
        ...(step.renamedFrom === undefined ? {} : { renamedFrom: step.renamedFrom }),
      });
      if (limit !== undefined && versions.length >= limit) break;
    }
    return versions;
  });
}
