import { useState, type KeyboardEvent } from 'react';
import { useRatingWriters } from '../../api/ratingQueries';
import { useLeaveGuard } from '../../app/leaveGuard';
import { Button } from '../../components/Button';
import { errorMessage } from '../../components/ErrorState';
import { Kbd } from '../../components/Kbd';
import { reviewActions, useReviewState } from './reviewStore';

interface NoteFieldProps {
  runId: string;
  sampleId: string;
  note: string | null;
}

/** The sample's note: shown, or edited in place (`n`; Enter saves, Shift+Enter breaks the line, Esc cancels). */
export function NoteField({ runId, sampleId, note }: NoteFieldProps) {
  const editing = useReviewState((state) => state.noteFor === sampleId);
  if (editing) return <NoteEditor runId={runId} sampleId={sampleId} initial={note ?? ''} />;
  return (
    <div className="note-field">
      {note ? <p className="note-field__text selectable">{note}</p> : <p className="note-field__empty">No note</p>}
      <Button variant="ghost" className="button--sm" onClick={() => reviewActions.openNote(sampleId)}>
        {note ? 'Edit note' : 'Add a note'}
        <Kbd>n</Kbd>
      </Button>
    </div>
  );
}

function NoteEditor({ runId, sampleId, initial }: { runId: string; sampleId: string; initial: string }) {
  const [text, setText] = useState(initial);
  const writers = useRatingWriters(runId);
  useLeaveGuard(text !== initial, 'the note you are writing');

  function save() {
    reviewActions.closeNote();
    const note = text.trim() === '' ? null : text;
    if (note === (initial || null)) return;
    reviewActions.announce(runId, note === null ? 'Note removed · u to undo' : 'Note saved · u to undo');
    writers.setNote(sampleId, note).catch((error: unknown) => reviewActions.announce(runId, `Note not saved: ${errorMessage(error)}`, 'error'));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      // The note's own Esc: nothing else (a panel, a dialog) should close with it.
      event.preventDefault();
      event.stopPropagation();
      reviewActions.closeNote();
    }
  }

  return (
    <div className="note-field note-field--editing">
      <textarea
        className="note-field__input"
        aria-label="Note"
        placeholder="What stands out about this answer?"
        value={text}
        rows={3}
        maxLength={20_000}
        autoFocus
        onFocus={(event) => event.currentTarget.setSelectionRange(event.currentTarget.value.length, event.currentTarget.value.length)}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="note-field__actions">
        <span className="note-field__hint">
          <Kbd>Enter</Kbd> save · <Kbd>Shift</Kbd>+<Kbd>Enter</Kbd> new line · <Kbd>Esc</Kbd> cancel
        </span>
        <Button variant="ghost" className="button--sm" onClick={() => reviewActions.closeNote()}>
          Cancel
        </Button>
        <Button variant="primary" className="button--sm" onClick={save}>
          Save note
        </Button>
      </div>
    </div>
  );
}
