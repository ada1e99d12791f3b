// What a person does to a run as a whole: name it, pin it, delete it and take the delete back.
// Each change is one statement, so the app, `serve` and a terminal's `workbench` can make them at
// the same time on one database without a lost update. A delete only hides the run (deleted_at);
// the run and everything under it (samples, ratings, verdicts, embeddings: ON DELETE CASCADE) are
// removed for good once the undo has had its time.
import type Database from 'better-sqlite3';

export type CurationResult = 'done' | 'missing' | 'running';

/** Long enough for the app's Undo (a few seconds) and for another window to offer the same. */
export const PURGE_AFTER_MS = 60_000;

export class RunCuration {
  private readonly setLabel: Database.Statement;
  private readonly setPinned: Database.Statement;
  private readonly markDeleted: Database.Statement;
  private readonly unmarkDeleted: Database.Statement;
  private readonly stateOf: Database.Statement;
  private readonly purgeBefore: Database.Statement;
  private readonly anyBefore: Database.Statement;

  constructor(db: Database.Database) {
    this.setLabel = db.prepare('UPDATE runs SET label = ? WHERE id = ? AND deleted_at IS NULL');
    // Pinning a pinned run keeps its place in the pinned order.
    this.setPinned = db.prepare(
      'UPDATE runs SET pinned_at = CASE WHEN ? THEN coalesce(pinned_at, ?) ELSE NULL END WHERE id = ? AND deleted_at IS NULL',
    );
    // Guarded by status in the same statement: a resume from another process cannot slip in between a check and the delete.
    this.markDeleted = db.prepare("UPDATE runs SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL AND status != 'running'");
    this.unmarkDeleted = db.prepare('UPDATE runs SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL');
    this.stateOf = db.prepare('SELECT status, deleted_at FROM runs WHERE id = ?');
    this.purgeBefore = db.prepare('DELETE FROM runs WHERE deleted_at IS NOT NULL AND deleted_at < ?');
    this.anyBefore = db.prepare('SELECT 1 FROM runs WHERE deleted_at IS NOT NULL AND deleted_at < ? LIMIT 1').pluck();
  }

  /** A blank label clears it; surrounding spaces are not kept. */
  label(runId: string, label: string): CurationResult {
    const trimmed = label.trim();
    return this.setLabel.run(trimmed === '' ? null : trimmed, runId).changes > 0 ? 'done' : 'missing';
  }

  pin(runId: string, pinned: boolean, at: string): CurationResult {
    return this.setPinned.run(pinned ? 1 : 0, at, runId).changes > 0 ? 'done' : 'missing';
  }

  /** Hides the run; 'running' when it is running (nothing changes), 'missing' when unknown or already deleted. */
  delete(runId: string, at: string): CurationResult {
    if (this.markDeleted.run(at, runId).changes > 0) return 'done';
    const state = this.stateOf.get(runId) as { status: string; deleted_at: string | null } | undefined;
    return state && state.deleted_at === null && state.status === 'running' ? 'running' : 'missing';
  }

  /** Brings a deleted run back; 'missing' when it is not deleted (or already purged). */
  restore(runId: string): CurationResult {
    return this.unmarkDeleted.run(runId).changes > 0 ? 'done' : 'missing';
  }

  /** Removes for good, with all they hold, the runs deleted before `before` (ISO time); returns how many. */
  purge(before: string): number {
    // Read first: opening a workspace writes nothing it does not have to (a write takes the lock).
    if (this.anyBefore.get(before) === undefined) return 0;
    return this.purgeBefore.run(before).changes;
  }
}
