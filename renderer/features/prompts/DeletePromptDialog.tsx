import type { PromptDetail } from '../../../shared/prompts';
import { Button } from '../../components/Button';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';

interface DeletePromptDialogProps {
  open: boolean;
  prompt: PromptDetail;
  pending: boolean;
  error: unknown;
  onConfirm(): void;
  onClose(): void;
}

export function DeletePromptDialog({ open, prompt, pending, error, onConfirm, onClose }: DeletePromptDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Delete “${prompt.name}”?`}
      description={
        <p>
          Its files are removed and the removal is committed, so this is recoverable: the prompt stays in the workspace’s
          git history and can be restored from there.
        </p>
      }
      onSubmit={onConfirm}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" disabled={pending} autoFocus>
            {pending ? 'Deleting…' : 'Delete prompt'}
          </Button>
        </>
      }
    >
      {prompt.dirty && (
        <p className="dialog__note">Its uncommitted changes are committed first, so they can be restored too.</p>
      )}
      {error !== null && <DialogError>{errorMessage(error)}</DialogError>}
    </Dialog>
  );
}
