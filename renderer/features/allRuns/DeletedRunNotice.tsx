import type { RunSummary } from '../../../shared/runs';
import { useRestoreRun } from '../../api/runCurationQueries';
import { errorMessage } from '../../components/ErrorState';
import { TrashIcon } from '../../components/icons';
import { Toast } from '../../components/Toast';
import { runVersionLabel } from '../../../shared/runVersion';

/** Long enough to notice a slip; the core keeps a deleted run a minute, so Undo always finds it. */
const SHOW_MS = 10_000;

/** After a delete: which run went, and Undo, which brings it back with its ratings. */
export function DeletedRunNotice({ run, onDismiss }: { run: RunSummary; onDismiss(): void }) {
  const restore = useRestoreRun();
  return (
    <Toast
      label="Run deleted"
      icon={<TrashIcon size={14} />}
      onDismiss={onDismiss}
      showMs={SHOW_MS}
      showKey={run.runId}
      actions={
        <button type="button" className="toast__action" disabled={restore.isPending} onClick={() => restore.mutate(run.runId, { onSuccess: onDismiss })}>
          {restore.isPending ? 'Undoing…' : 'Undo'}
        </button>
      }
    >
      <span>
        Deleted {run.label ? <strong>“{run.label}”</strong> : 'the run'} of <strong>{run.prompt}</strong> ({runVersionLabel(run)}) with its ratings.
      </span>
      {restore.isError && <span className="toast__error">Couldn’t undo: {errorMessage(restore.error)}</span>}
    </Toast>
  );
}
