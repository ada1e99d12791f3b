import { useState } from 'react';
import type { VersionWithApproval } from '../../../shared/approvals';
import { useRollbackApproval } from '../../api/taskQueries';
import { Button } from '../../components/Button';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';
import { Kbd } from '../../components/Kbd';
import { MOD_KEY } from '../../components/platform';

interface RollbackApprovalDialogProps {
  open: boolean;
  prompt: string;
  version: VersionWithApproval;
  /** The approval to go back to (2 for v2) and the one callers get now. */
  approval: number;
  current: number;
  onClose(): void;
}

/**
 * Approves an earlier approval's version again, as the newest approval, with the reason: what
 * applications calling `@approved` get from their next call. A tag only: nothing is committed.
 */
export function RollbackApprovalDialog({ open, prompt, version, approval, current, onClose }: RollbackApprovalDialogProps) {
  const rollback = useRollbackApproval(prompt);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit() {
    if (rollback.isPending) return;
    if (!reason.trim()) {
      setProblem(`Say why v${current} is rolled back: it is kept with the new approval.`);
      return;
    }
    rollback.mutate({ approval: `v${approval}`, reason: reason.trim() }, { onSuccess: onClose });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="md"
      title={`Roll back to v${approval}?`}
      description={
        <p>
          Applications and <code>workbench call</code> calling <code>{prompt}@approved</code> get v{approval} ({version.shortOid}) from their next call instead of v{current}. It
          becomes approval v{current + 1} with your reason; nothing is committed and v{current} stays in the history.
        </p>
      }
      onSubmit={submit}
      footer={
        <>
          <span className="dialog__footer-hint">
            <Kbd>{MOD_KEY}</Kbd>
            <Kbd>Enter</Kbd> to roll back
          </span>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={rollback.isPending}>
            {rollback.isPending ? 'Rolling back…' : `Roll back to v${approval}`}
          </Button>
        </>
      }
    >
      <label className="field">
        <span className="field__label">Reason</span>
        <textarea
          className="textarea"
          value={reason}
          autoFocus
          rows={3}
          placeholder={`What went wrong with v${current}, e.g. “escalates every ticket”`}
          aria-invalid={problem !== null && !reason.trim()}
          onChange={(event) => {
            setReason(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit();
            }
          }}
        />
      </label>
      {problem && <DialogError>{problem}</DialogError>}
      {rollback.isError && <DialogError>{errorMessage(rollback.error)}</DialogError>}
    </Dialog>
  );
}
