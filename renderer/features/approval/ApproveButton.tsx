import { useCallback, useState } from 'react';
import type { ApprovedVersion } from '../../../shared/approvals';
import type { RunDetail, RunSummary } from '../../../shared/runs';
import { usePromptHistory } from '../../api/versionQueries';
import { hrefFor, promptRoute } from '../../app/router';
import { uiActions } from '../../app/uiStore';
import { ApprovalBadge } from '../../components/ApprovalBadge';
import { Button } from '../../components/Button';
import { CheckIcon } from '../../components/icons';
import { useAuthorGate } from '../../components/useAuthorGate';
import { allApprovals } from '../../lib/approvalEvidence';
import { ApproveDialog } from './ApproveDialog';
import { ApprovedNotice } from './ApprovedNotice';
import './approval.css';

/**
 * "Approve…" in a run's review, or the version's badge once the run is approved. Takes the run's
 * summary or its detail: the header that shows it is memoised against ratings, so it can pass the
 * summary, and the dialog reads the samples and ratings from the cache when it opens.
 */
export function ApproveButton({ run }: { run: RunSummary | RunDetail }) {
  const summary = 'summary' in run ? run.summary : run;
  const history = usePromptHistory(summary.prompt);
  const authorGate = useAuthorGate();
  // The key changes on each opening (a fresh form), not on closing (so the dialog can close).
  const [dialog, setDialog] = useState({ open: false, key: 0 });
  const [approved, setApproved] = useState<ApprovedVersion | null>(null);
  // Stable, so the notice's timer is not restarted by every render of the header.
  const dismiss = useCallback(() => setApproved(null), []);
  const approval = allApprovals(history.data ?? []).find((each) => each.runId === summary.runId);

  function done(result: ApprovedVersion) {
    setDialog((current) => ({ ...current, open: false }));
    setApproved(result);
    // The history opens on the new version, wherever it is opened from.
    uiActions.updateHistoryView(summary.prompt, { selected: result.version.oid, compareWith: null });
  }

  return (
    <>
      {approval ? (
        <a className="approve-done" href={hrefFor(promptRoute(summary.prompt, 'history'))} title="This run’s version is approved: see it in the history">
          <ApprovalBadge approval={approval} />
        </a>
      ) : (
        <Button
          variant="primary"
          disabled={summary.status === 'running'}
          title={summary.status === 'running' ? 'Wait for the run to finish, then approve it' : 'Commit the prompt as run, with this run’s evidence'}
          onClick={() => authorGate.run(() => setDialog({ open: true, key: Date.now() }))}
        >
          <CheckIcon size={14} />
          Approve…
        </Button>
      )}
      <ApproveDialog
        key={dialog.key}
        open={dialog.open}
        summary={summary}
        onClose={() => setDialog((current) => ({ ...current, open: false }))}
        onApproved={done}
      />
      {approved && <ApprovedNotice approved={approved} prompt={summary.prompt} onDismiss={dismiss} />}
      {authorGate.dialog}
    </>
  );
}
