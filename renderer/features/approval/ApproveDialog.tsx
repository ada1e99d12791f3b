import { useMemo, useState } from 'react';
import type { ApprovedVersion } from '../../../shared/approvals';
import { WorkbenchError } from '../../../shared/errors';
import type { RunSummary } from '../../../shared/runs';
import { useApproveRun } from '../../api/approvalQueries';
import { useRunChecks } from '../../api/checkQueries';
import { usePrompt, useSettings } from '../../api/queries';
import { useRun, useRunAction } from '../../api/runQueries';
import { usePromptHistory } from '../../api/versionQueries';
import { uiActions } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { metricsInput } from '../../components/compare/RunComparisonView';
import { Dialog, DialogError } from '../../components/Dialog';
import { errorMessage } from '../../components/ErrorState';
import { PlayIcon } from '../../components/icons';
import { Kbd } from '../../components/Kbd';
import { MOD_KEY } from '../../components/platform';
import { defaultApprovalMessage, evidenceOf, nextApprovalTag } from '../../lib/approvalEvidence';
import { ApprovalGuards } from './ApprovalGuards';
import { approvalGuards, type CurrentFiles } from './approvalGuards';
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
 * Commits the prompt as it was run, with the run's evidence as trailers, and tags it. What stands in
 * the way is shown as soon as the dialog opens (approvalGuards.ts): a prompt or cases changed since
 * the run blocks it; an unfinished run, failed samples, few ratings or a pass rate under the
 * workspace's gate are acknowledged first. The
 * core refuses a changed prompt too; that answer is shown if the files change while the dialog is open.
 */
export function ApproveDialog({ open, summary, onClose, onApproved }: ApproveDialogProps) {
  const name = summary.prompt;
  // From the cache the review already holds; the figures are worked out only while the dialog is open.
  const detail = useRun(summary.runId).data;
  // The run under its prompt's checks: the evidence's pass rate, and the gate's warning. A failure to
  // measure it leaves the evidence without a pass rate (the core measures again when approving).
  const checks = useRunChecks(summary);
  const checksSettled = !checks.isPending;
  const measured = checks.data ?? null;
  const evidence = useMemo(() => (open && detail && checksSettled ? evidenceOf(metricsInput(detail), measured) : null), [open, detail, checksSettled, measured]);
  const minPassRate = useSettings().data?.gate.minPassRate;
  const history = usePromptHistory(name);
  const prompt = usePrompt(name);
  const current = useCurrentFiles(prompt);
  const approve = useApproveRun(name);
  const runAction = useRunAction(summary.runId);
  // null until edited: the suggestion follows the evidence until the person writes their own.
  const [edited, setMessage] = useState<string | null>(null);
  const message = edited ?? (evidence ? defaultApprovalMessage(name, evidence) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const code = codeOf(approve.error);
  const guards = evidence ? approvalGuards({ summary, runCasesHash: detail?.casesHash, rated: evidence.rated, current, passRate: evidence.passRate, minPassRate }) : [];
  const blocked = guards.some((guard) => guard.severity === 'block');
  const warned = guards.length > 0 && !blocked;
  const ready = evidence !== null && current !== undefined && !blocked && (!warned || acknowledged);
  // The run's text is the last commit's: the core makes no commit, only the tag on that version.
  const tagOnly = !blocked && prompt.data?.dirty === false;
  const messageLabel = tagOnly ? 'Tag message' : 'Commit message';

  function submit() {
    if (approve.isPending || !ready) return;
    if (!message.trim()) {
      setProblem(`Write a ${messageLabel.toLowerCase()}: say what you approve and why.`);
      return;
    }
    setProblem(null);
    // The acknowledged warnings include "no answer is rated", which the core asks to be confirmed.
    approve.mutate({ runId: summary.runId, message: message.trim(), confirmed: acknowledged }, { onSuccess: onApproved });
  }

  function runCurrent() {
    onClose();
    // The same settings on the prompt as it is now: the run to approve instead.
    if (detail) uiActions.openRunDialog(name, { ...detail.request, ref: undefined });
  }

  // The review shows the run going again; approving waits until it ends.
  const act = (action: 'resume' | 'retry') => runAction.mutate(action, { onSuccess: onClose });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      size="md"
      title={`Approve “${name}”`}
      description={
        tagOnly ? (
          <p>
            The text this run sampled is the last commit of <code>prompts/{name}.prompt</code> and its cases file, so no commit is
            made: that version gets the approval tag, with this run’s evidence in the tag’s message, and keeps its own description.
          </p>
        ) : (
          <p>
            Commits <code>prompts/{name}.prompt</code> and its cases file as a new version, with this run’s evidence written into the
            commit message, and tags it.
          </p>
        )
      }
      onSubmit={submit}
      footer={
        <>
          <span className="dialog__footer-hint">
            <Kbd>{MOD_KEY}</Kbd>
            <Kbd>Enter</Kbd> to approve
          </span>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            disabled={approve.isPending || !ready}
            title={blocked ? 'This run can’t be approved: see why above' : warned && !acknowledged ? 'Tick “Approve with this evidence anyway” first' : undefined}
          >
            {approve.isPending ? 'Approving…' : tagOnly ? 'Approve and tag' : 'Approve and commit'}
          </Button>
        </>
      }
    >
      <ApprovalGuards
        guards={guards}
        actions={{ runCurrent, resume: () => act('resume'), retryFailed: () => act('retry') }}
        acknowledged={acknowledged}
        onAcknowledge={setAcknowledged}
        busy={runAction.isPending}
      />
      <label className="field">
        <span className="field__label">{messageLabel}</span>
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
      {evidence && <TrailerPreview evidence={evidence} tag={history.data ? nextApprovalTag(name, history.data) : null} into={tagOnly ? 'tag' : 'commit'} />}
      {problem && <DialogError>{problem}</DialogError>}
      {code === 'CONFLICT' && !blocked && (
        <div className="approve-refused" role="alert">
          <p className="approve-refused__title">This run can’t be approved</p>
          <p>{errorMessage(approve.error)}</p>
          <Button className="button--sm" onClick={runCurrent}>
            <PlayIcon size={12} />
            Run the current prompt…
          </Button>
        </div>
      )}
      {approve.isError && code !== 'CONFLICT' && <DialogError>{errorMessage(approve.error)}</DialogError>}
      {runAction.isError && <DialogError>{errorMessage(runAction.error)}</DialogError>}
    </Dialog>
  );
}

/** The prompt's files as they are on disk now (the cache follows every change), to compare with the run's. */
function useCurrentFiles(prompt: ReturnType<typeof usePrompt>): CurrentFiles {
  if (prompt.data) return { sourceHash: prompt.data.sourceHash, casesHash: prompt.data.casesHash };
  if (prompt.isPending) return undefined;
  // Unreadable for another reason: the core checks again when approving, and says why.
  return codeOf(prompt.error) === 'NOT_FOUND' ? 'missing' : null;
}
