import type { VersionWithApproval } from '../../../shared/approvals';
import type { PromptDetail } from '../../../shared/prompts';
import { useRollbackPrompt } from '../../api/versionQueries';
import { uiActions } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';
import { versionName } from '../../lib/approvalEvidence';

interface RollbackDialogProps {
  open: boolean;
  prompt: PromptDetail;
  version: VersionWithApproval;
  onClose(): void;
}

/**
 * Makes an older version current: its files are restored and committed as a new version. Unlike
 * "Restore as draft" this commits at once; unlike a reset, nothing after it is lost.
 */
export function RollbackDialog({ open, prompt, version, onClose }: RollbackDialogProps) {
  const rollback = useRollbackPrompt(prompt.name);
  const name = versionName(version);

  function confirm() {
    if (rollback.isPending) return;
    rollback.mutate(version.oid, {
      onSuccess: (created) => {
        // Show the new commit, on top of the history.
        uiActions.updateHistoryView(prompt.name, { selected: created.oid, compareWith: null });
        onClose();
      },
    });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Make ${name} current?`}
      description={
        <p>
          The prompt’s files go back to their content at “{version.summary}” and are committed as a new version, “Revert {prompt.name} to{' '}
          {version.shortOid}”. Every version stays in the history, including the ones after it, so this can be undone the same way.
        </p>
      }
      onSubmit={confirm}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={rollback.isPending} autoFocus>
            {rollback.isPending ? 'Committing…' : 'Make current'}
          </Button>
        </>
      }
    >
      {prompt.dirty && (
        <p className="dialog__note">The prompt has uncommitted changes. Commit them or restore a version as the draft first, so they are not lost.</p>
      )}
      {rollback.isError && <DialogError>{errorMessage(rollback.error)}</DialogError>}
    </Dialog>
  );
}
