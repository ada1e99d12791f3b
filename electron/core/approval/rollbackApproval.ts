// Rolling an approval back: the commit of an earlier approval (v2) is approved again, as the newest
// approval v<k+1>, with the reason and v2's evidence. `@approved` callers (core/tasks) send it from
// their next call. Nothing is committed or rewritten: the bad approval stays in the history, marked
// as rolled back from by the new tag's message.
import { WorkbenchError } from '../../../shared/errors';
import type { Author } from '../../../shared/settings';
import type { RollbackApprovalRequest, RolledBackApproval } from '../../../shared/taskCalls';
import { approvalMessage } from '../workspace/approvalTrailers';
import { assertTaggable, listApprovalTags, tagApproval, type ApprovalTag } from '../workspace/approvalTags';
import { GitObjectReader } from '../workspace/gitObjectReader';
import { promptNames } from '../workspace/promptLineage';
import { versionApprovals } from '../workspace/versionApprovals';
import type { Workspace } from '../workspace/workspace';

export async function rollbackApproval(workspace: Workspace, request: RollbackApprovalRequest, author: Author): Promise<RolledBackApproval> {
  const { name, approval, reason } = request;
  assertTaggable(name);
  const dir = workspace.path;
  const objects = new GitObjectReader(dir);
  const names = await promptNames(dir, name, objects);
  const tags: ApprovalTag[] = (await Promise.all(names.map((each) => listApprovalTags(dir, each, objects)))).flat().sort((a, b) => a.version - b.version);
  const target = tags.find((tag) => `v${tag.version}` === approval);
  const latest = tags.at(-1);
  if (!target || !latest) {
    const known = tags.map((tag) => `v${tag.version}`).join(', ') || 'none yet';
    throw new WorkbenchError('NOT_FOUND', `"${name}" has no approval ${approval}. Its approvals: ${known} (see \`workbench history ${name} --approved\`).`);
  }
  if (latest.commit === target.commit) {
    throw new WorkbenchError('NOTHING_TO_COMMIT', `${latest.name} already approves the same version as ${target.name}, so callers of @approved already get it. Nothing was tagged.`);
  }
  // The evidence that approved that version once, so the history shows why it is trusted.
  const commit = await objects.readCommit(target.commit);
  const evidence = versionApprovals(commit.message, [target])[0] ?? null;
  const text = `Roll back ${name} to ${approval} (from ${latest.name})\n\n${reason.trim()}`;
  const message = evidence ? approvalMessage(text, { ...evidence }) : `${text}\n`;
  const tag = await tagApproval(dir, name, target.commit, author, message, names.slice(1));
  return { tag, commit: target.commit, from: latest.name, to: target.name };
}
