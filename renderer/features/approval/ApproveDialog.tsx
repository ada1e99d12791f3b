import { useMemo, useState } from 'react';
import type { ApprovedVersion } from '../../../shared/approvals';
import { WorkbenchError } from '../../../shared/errors';
import type { RunSummary } from '../../../shared/runs';
import { useApproveRun } from '../../api/approvalQueries';
import { useRun } from '../../api/runQueries';
import { usePromptHistory } from '../../api/versionQueries';
import { uiActions } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { metricsInput } from '../../components/compare/RunComparisonView';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';
import { PlayIcon, WarningIcon } from '../../components/icons';
import { Kbd } from '../../components/Kbd';
import { MOD_KEY } from '../../components/platform';
import { defaultApprovalMessage, evidenceOf, nextApprovalTag } from '../../lib/approvalEvidence';
import { TrailerPreview } from './TrailerPreview';
import './approval.css';

interface ApproveDialogProps {
  open: boolean;
  summary: RunSummary;
  onClose(): void;
  onApproved(approved: ApprovedVersion): void;
}

const codeOf = (error: unknown) => (error instanceof WorkbenchError ? error.code : null);

/**
 * Commits the prompt as it was run, with the run's evidence as trailers, and tags it. The core
 * refuses when the prompt changed since the run (shown with its reason) and asks before approving
 * a run nobody rated.
 */
export function ApproveDialog({ open, summary, onClose, onApproved }: ApproveDialogProps) {
  const name = summary.prompt;
  // From the cache the review already holds; the figures are worked out only while the dialog is open.
  const detail = useRun(summary.runId).data;
  const evidence = useMemo(() => (open && detail ? evidenceOf(metricsInput(detail)) : null), [open, detail]);
  const history = usePromptHistory(name);
  const approve = useApproveRun(name);
  // null until edited: the suggestion follows the evidence until the person writes their own.
  const [edited, setMessage] = useState<string | null>(null);
  const message = edited ?? (evidence ? defaultApprovalMessage(name, evidence) : '');
  const [problem, setProblem] = useState<string | null>(null);
  // Once the core has asked, the next click is the person's answer.
  const [confirming, setConfirming] = useState(false);
  const code = codeOf(approve.error);

  function submit() {
    if (approve.isPending) return;
    if (!message.trim()) {
      setProblem('Write a commit message: say what you approve and why.');
      return;
    }
    setProblem(null);
    approve.mutate(
      { runId: summary.runId, message: message.trim(), confirmed: confirming },
      {
        onSuccess: onApproved,
        onError: (error) => {
          if (codeOf(error) === 'CONFIRMATION_REQUIRED') setConfirming(true);
        },
      },
    );
  }

  function runCurrent() {
    onClose();
    // The same settings on the prompt as it is now: the run to approve instead.
    if (detail) uiActions.openRunDialog(name, { ...detail.request, ref: undefined });
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="md"
      title={`Approve “${name}”`}
      description={
        <p>
          Commits <code>prompts/{name}.prompt</code> and its cases file as a new version, with this run’s evidence written into the
          commit message, and tags it. When that text is committed already, only the tag is made, on that version, with the evidence
          in its message.
        </p>
      }
      onSubmit={submit}
      footer={
        <>
          <span className="dialog__footer-hint">
            <Kbd>{MOD_KEY}</Kbd>
            <Kbd>Enter</Kbd> to approve
          </span>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={approve.isPending || !evidence}>
            {approve.isPending ? 'Approving…' : confirming ? 'Approve without ratings' : 'Approve and commit'}
          </Button>
        </>
      }
    >
      <label className="field">
        <span className="field__label">Commit message</span>
        <textarea
          className="textarea"
          value={message}
          data-autofocus
          rows={3}
          aria-invalid={problem !== null}
          onChange={(event) => setMessage(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit();
            }
          }}
        />
      </label>
      {evidence && <TrailerPreview evidence={evidence} tag={history.data ? nextApprovalTag(name, history.data) : null} />}
      {problem && <DialogError>{problem}</DialogError>}
      {confirming && (
        <div className="approve-confirm" role="alert">
          <WarningIcon size={16} className="approve-confirm__icon" />
          <div>
            <p className="approve-confirm__title">Approve without any ratings?</p>
            <p>
              Nobody has rated a sample of this run, so the version’s evidence will have no rating. Rate a few samples first, or approve
              anyway.
            </p>
          </div>
        </div>
      )}
      {code === 'CONFLICT' && (
        <div className="approve-refused" role="alert">
          <p className="approve-refused__title">This run can’t be approved</p>
          <p>{errorMessage(approve.error)}</p>
          <Button className="button--sm" onClick={runCurrent}>
            <PlayIcon size={12} />
            Run the current prompt…
          </Button>
        </div>
      )}
      {approve.isError && code !== 'CONFLICT' && code !== 'CONFIRMATION_REQUIRED' && <DialogError>{errorMessage(approve.error)}</DialogError>}
    </Dialog>
  );
}
