// Which version `@approved` calls (prompt-workbench/tasks, `workbench call`): the one carrying the
// highest approval tag. Rolling an approval back moves that to an older version by a new tag.
import type { VersionWithApproval } from '../../../shared/approvals';
import { approvalNumber } from '../../lib/approvalEvidence';

export interface CurrentApproval {
  oid: string;
  number: number;
}

export function currentApproval(versions: readonly VersionWithApproval[]): CurrentApproval | null {
  let best: CurrentApproval | null = null;
  for (const version of versions) {
    for (const approval of version.approvals ?? (version.approval ? [version.approval] : [])) {
      const number = approvalNumber(approval.tag);
      if (number !== null && (best === null || number > best.number)) best = { oid: version.oid, number };
    }
  }
  return best;
}

/** The approval a version was last approved as (v2), when a tag still marks it. */
export function newestApprovalNumber(version: VersionWithApproval): number | null {
  const numbers = (version.approvals ?? (version.approval ? [version.approval] : [])).map((approval) => approvalNumber(approval.tag)).filter((n): n is number => n !== null);
  return numbers.length > 0 ? Math.max(...numbers) : null;
}
