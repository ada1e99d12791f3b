import type { ApprovedVersion } from '../../../shared/approvals';
import { hrefFor, promptRoute } from '../../app/router';
import { CheckIcon } from '../../components/icons';
import { Toast } from '../../components/Toast';
import { approvalLabel } from '../../lib/approvalEvidence';

/** Long enough to read and click; the header's badge keeps saying it afterwards. */
const SHOW_MS = 12_000;

/** A passing notice after approving: what was made (a commit and its tag, or a tag on the version already committed) and the way to the history. */
export function ApprovedNotice({ approved, prompt, onDismiss }: { approved: ApprovedVersion; prompt: string; onDismiss(): void }) {
  const label = approvalLabel({ tag: approved.tag });
  return (
    <Toast
      icon={<CheckIcon size={14} />}
      label={`${label} approved`}
      onDismiss={onDismiss}
      showMs={SHOW_MS}
      showKey={approved}
      actions={
        <a className="toast__action" href={hrefFor(promptRoute(prompt, 'history'))}>
          Open the history
        </a>
      }
    >
      {approved.committed === false ? (
        <span>
          {label}: tagged <code>{approved.tag}</code> on <code>{approved.version.shortOid}</code>, which already held this text
        </span>
      ) : (
        <span>
          {label} committed as <code>{approved.version.shortOid}</code>, tagged <code>{approved.tag}</code>
        </span>
      )}
    </Toast>
  );
}
