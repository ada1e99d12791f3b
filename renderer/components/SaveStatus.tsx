import type { DraftSnapshot } from '../lib/drafts/draftSync';
import { AlertCircleIcon, CheckIcon } from './icons';
import { Kbd } from './Kbd';
import { modShortcut } from './platform';
import './drafts.css';

const LABELS = {
  saved: 'Saved',
  unsaved: 'Unsaved',
  saving: 'Saving…',
  failed: 'Not saved',
  conflict: 'Changed on disk',
} as const;

const SAVE_KEY = modShortcut('S');

/** Where the buffer stands against the file on disk; "Save now" when there is something to save. */
export function SaveStatus({ snapshot, onSave }: { snapshot: DraftSnapshot<unknown>; onSave(): void }) {
  const { state, error } = snapshot;
  return (
    <div className="save-status">
      <span
        className={`save-status__label save-status__label--${state}`}
        role="status"
        aria-label={`Save state: ${LABELS[state]}`}
        title={state === 'failed' ? (error ?? undefined) : `Changes save automatically (${SAVE_KEY} saves now)`}
      >
        {state === 'saved' && <CheckIcon size={12} />}
        {(state === 'failed' || state === 'conflict') && <AlertCircleIcon size={12} />}
        {(state === 'unsaved' || state === 'saving') && <span className="save-status__dot" aria-hidden="true" />}
        {LABELS[state]}
      </span>
      {(state === 'unsaved' || state === 'failed') && (
        <button type="button" className="button button--ghost button--sm" onClick={onSave} title={`Save now (${SAVE_KEY})`}>
          {state === 'failed' ? 'Retry' : 'Save'}
          <Kbd>{SAVE_KEY}</Kbd>
        </button>
      )}
    </div>
  );
}
