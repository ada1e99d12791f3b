import type { Approval } from '../../shared/approvals';
import { approvalLabel } from '../lib/approvalEvidence';
import { Badge } from './Badge';
import './approvalEvidence.css';

/** "Approved v3": this version was committed through the approval flow, with its evidence. */
export function ApprovalBadge({ approval, size = 'md' }: { approval: Pick<Approval, 'tag'>; size?: 'sm' | 'md' }) {
  const title = approval.tag ? `Tagged ${approval.tag}` : 'Approved (its tag was moved or deleted)';
  return (
    <span className={`approval-badge approval-badge--${size}`}>
      <Badge tone="success" title={title}>
        {approvalLabel(approval)}
      </Badge>
    </span>
  );
}
