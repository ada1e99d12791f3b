// The approvals of one version, read from both places an approval is written: the annotated tag
// `approved/<name>/v<k>` (its message carries the Workbench-* trailers; the only place when the
// approved text had been committed before), and the trailers of an approval commit (approvals that
// committed the text, and those made before tags carried the evidence).
import type { Approval } from '../../../shared/approvals';
import type { ApprovalTag } from './approvalTags';
import { parseApproval } from './approvalTrailers';

/**
 * Newest first: one per tag marking the commit (evidence from the tag's message, else from the
 * commit's), then the commit's own evidence when no tag carries its run (its tag was deleted).
 */
export function versionApprovals(commitMessage: string, tags: readonly ApprovalTag[]): Approval[] {
  const own = parseApproval(commitMessage);
  const approvals: Approval[] = [];
  for (const tag of [...tags].sort((a, b) => b.version - a.version)) {
    const fromTag = tag.message === null ? null : parseApproval(tag.message);
    const evidence = fromTag ?? own;
    if (evidence) approvals.push({ ...evidence, tag: tag.name, message: messageText(fromTag ? (tag.message as string) : commitMessage) });
  }
  if (own && !approvals.some((approval) => approval.runId === own.runId)) approvals.push({ ...own, tag: null, message: messageText(commitMessage) });
  return approvals;
}

/** What the approver wrote: the message without the trailer lines. */
function messageText(message: string): string {
  return message
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !/^Workbench-[A-Za-z-]+[ \t]*:/.test(line))
    .join('\n')
    .trim();
}
