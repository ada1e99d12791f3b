import type { RunSummary } from '../../../shared/runs';
import { useRunAction, useRunSamples } from '../../api/runQueries';
import { Button } from '../../components/Button';
import { errorMessage } from '../../components/ErrorState';
import { PlayIcon, RefreshIcon, StopIcon, WarningIcon } from '../../components/icons';
import { startRetry } from './retryTracker';
import './runView.css';

/** Cancel a running run; resume what a stopped one left; run its failed samples again. */
export function RunActions({ summary }: { summary: RunSummary }) {
  const action = useRunAction(summary.runId);
  const samples = useRunSamples(summary.runId).data;
  const running = summary.status === 'running';
  const left = summary.pending + summary.cancelled;
  const busy = action.isPending;

  /** Runs the failed samples again, and keeps which they were, so RetryStatus can say what became of them. */
  function retry() {
    const retry = { sampleIds: (samples ?? []).filter((sample) => sample.status === 'error').map((sample) => sample.sampleId), since: new Date().toISOString() };
    action.mutate('retry', { onSuccess: () => startRetry(summary.runId, retry) });
  }

  return (
    <>
      {action.isError && (
        <span className="run-actions__error" role="alert" title={errorMessage(action.error)}>
          <WarningIcon size={12} />
          {errorMessage(action.error)}
        </span>
      )}
      {running && (
        <Button onClick={() => action.mutate('cancel')} disabled={busy}>
          <StopIcon size={13} />
          {busy && action.variables === 'cancel' ? 'Cancelling…' : 'Cancel'}
        </Button>
      )}
      {!running && left > 0 && (
        <Button variant="primary" onClick={() => action.mutate('resume')} disabled={busy} title={`Run the ${left.toLocaleString()} samples not taken yet`}>
          <PlayIcon size={13} />
          {busy && action.variables === 'resume' ? 'Resuming…' : 'Resume'}
        </Button>
      )}
      {!running && summary.errors > 0 && (
        <Button onClick={retry} disabled={busy} title={`Run the ${summary.errors.toLocaleString()} failed samples again`}>
          <RefreshIcon size={13} />
          {busy && action.variables === 'retry' ? 'Retrying…' : 'Retry failed'}
        </Button>
      )}
    </>
  );
}
