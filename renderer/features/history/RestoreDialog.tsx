import { useState } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import type { Version } from '../../../shared/versions';
import { useRestorePrompt } from '../../api/promptMutations';
import { navigate, promptRoute } from '../../app/router';
import { Button } from '../../components/Button';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';
import { settleDrafts, usePromptDraftsContext } from '../../lib/drafts/usePromptDrafts';

interface RestoreDialogProps {
  open: boolean;
  prompt: PromptDetail;
  version: Version;
  onClose(): void;
}

/** Writes an old version's files as the draft; nothing is committed and no history is lost. */
export function RestoreDialog({ open, prompt, version, onClose }: RestoreDialogProps) {
  const drafts = usePromptDraftsContext();
  const restore = useRestorePrompt(prompt.name);
  const [blocked, setBlocked] = useState<string | null>(null);

  async function confirm() {
    const reason = await settleDrafts(drafts);
    if (reason) {
      setBlocked(reason);
      return;
    }
    restore.mutate(version.oid, {
      onSuccess: (detail) => {
        drafts.source.reset({ value: detail.source, hash: detail.sourceHash });
        drafts.cases.reset({ value: detail.cases, hash: detail.casesHash });
        onClose();
        navigate(promptRoute(prompt.name, 'edit'));
      },
    });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Restore ${version.shortOid} as the draft?`}
      description={
        <p>
          The prompt’s files are replaced with their content at “{version.summary}”. Nothing is committed and the history
          stays as it is; commit afterwards to make this the latest version.
        </p>
      }
      onSubmit={() => void confirm()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={restore.isPending} autoFocus>
            {restore.isPending ? 'Restoring…' : 'Restore as draft'}
          </Button>
        </>
      }
    >
      {prompt.dirty && (
        <p className="dialog__note">The current draft has uncommitted changes. They are replaced, and they are not in the history.</p>
      )}
      {blocked && <DialogError>{blocked}</DialogError>}
      {restore.isError && <DialogError>{errorMessage(restore.error)}</DialogError>}
    </Dialog>
  );
}
