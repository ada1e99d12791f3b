import { useRestoreDraft } from '../../api/promptMutations';
import { errorMessage } from '../../components/ErrorState';
import { RestoreIcon } from '../../components/icons';
import { Toast } from '../../components/Toast';
import { discardActions, useDiscarded } from './discardStore';

/** Long enough to notice a slip and take it back. */
const SHOW_MS = 15_000;

/** After a discard: what happened, and Undo, which writes the discarded draft back. */
export function DiscardedNotice({ name }: { name: string }) {
  const discarded = useDiscarded(name);
  const restore = useRestoreDraft(name);
  if (!discarded) return null;
  return (
    <Toast
      label="Draft discarded"
      icon={<RestoreIcon size={14} />}
      onDismiss={discardActions.dismiss}
      showMs={SHOW_MS}
      showKey={discarded.at}
      actions={
        <button
          type="button"
          className="toast__action"
          disabled={restore.isPending}
          onClick={() => restore.mutate({ discarded: discarded.draft }, { onSuccess: discardActions.dismiss })}
        >
          {restore.isPending ? 'Undoing…' : 'Undo'}
        </button>
      }
    >
      <span>
        Discarded the draft of <strong>{name}</strong>: its files are as in the last commit.
      </span>
      {restore.isError && <span className="toast__error">Couldn’t undo: {errorMessage(restore.error)}</span>}
    </Toast>
  );
}
