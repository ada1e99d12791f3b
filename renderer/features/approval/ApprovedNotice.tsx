import { useEffect } from 'react';
import type { ApprovedVersion } from '../../../shared/approvals';
import { hrefFor, promptRoute } from '../../app/router';
import { CheckIcon, CloseIcon } from '../../components/icons';
import { approvalLabel } from '../../lib/approvalEvidence';
import './approval.css';

/** Long enough to read and click; the header's badge keeps saying it afterwards. */
const SHOW_MS = 12_000;

/** A passing notice after approving: what was made (a commit and its tag, or a tag on the version already committed) and the way to the history. */
export function ApprovedNotice({ approved, prompt, onDismiss }: { approved: ApprovedVersion; prompt: string; onDismiss(): void }) {
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [approved, onDismiss]);
  const label = approvalLabel({ tag: approved.tag });
  return (
    <div className="approved-notice" role="status">
      <CheckIcon size={14} className="approved-notice__icon" />
      {approved.committed === false ? (
        <span>
          {label}: tagged <code>{approved.tag}</code> on <code>{approved.version.shortOid}</code>, which already held this text
        </span>
      ) : (
        <span>
          {label} committed as <code>{approved.version.shortOid}</code>, tagged <code>{approved.tag}</code>
        </span>
      )}
      <a className="approved-notice__link" href={hrefFor(promptRoute(prompt, 'history'))}>
        Open the history
      </a>
      <button type="button" className="approved-notice__close" aria-label="Dismiss" onClick={onDismiss}>
        <CloseIcon size={12} />
      </button>
    </div>
  );
}
