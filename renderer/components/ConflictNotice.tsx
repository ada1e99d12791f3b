import type { DraftSnapshot, DraftSync } from '../lib/drafts/draftSync';
import { Button } from './Button';
import { WarningIcon } from './icons';
import './drafts.css';

interface ConflictNoticeProps<T> {
  draft: DraftSync<T>;
  snapshot: DraftSnapshot<T>;
  /** The file, as a person would name it: `prompts/x.prompt`. */
  file: string;
}

/**
 * The file changed on disk (another editor, git) while this buffer had unsaved edits. Nothing is
 * written until the person picks a side.
 */
export function ConflictNotice<T>({ draft, snapshot, file }: ConflictNoticeProps<T>) {
  if (snapshot.state === 'conflict') {
    return (
      <div className="conflict-notice" role="alert">
        <WarningIcon size={16} className="conflict-notice__icon" />
        <div className="conflict-notice__text">
          <p className="conflict-notice__title">
            <code>{file}</code> changed on disk
          </p>
          <p>
            Another editor or a git command changed it while you had unsaved edits here; nothing has been overwritten.
            Keep yours to replace the file on disk, or load the disk version and drop your unsaved edits.
          </p>
          <div className="conflict-notice__actions">
            <Button variant="primary" onClick={() => void draft.keepMine()}>
              Keep mine
            </Button>
            <Button onClick={() => draft.loadDisk()}>Load disk version</Button>
          </div>
        </div>
      </div>
    );
  }
  if (snapshot.state === 'failed') {
    return (
      <div className="conflict-notice conflict-notice--error" role="alert">
        <WarningIcon size={16} className="conflict-notice__icon" />
        <div className="conflict-notice__text">
          <p className="conflict-notice__title">Your latest changes are not saved</p>
          <p>{snapshot.error}</p>
          <div className="conflict-notice__actions">
            <Button onClick={() => void draft.saveNow()}>Try again</Button>
          </div>
        </div>
      </div>
    );
  }
  return null;
}
