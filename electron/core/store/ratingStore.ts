// Ratings and notes, and the history that makes them undoable. Each method is one IMMEDIATE
// transaction, committed before it returns: a rating survives a crash the moment the call answers,
// and two windows (or the app and the CLI) rating the same run cannot interleave a read of the
// values before with another's write.
import type Database from 'better-sqlite3';
import { WorkbenchError } from '../../../shared/errors';
import { RatingValue, type RatingChange, type SampleRating } from '../../../shared/ratings';
import type { SampleStatus } from '../../../shared/runs';

type ChangeKind = 'rating' | 'note';

interface Values {
  rating: number | null;
  note: string | null;
}

interface RatingRow {
  sample_id: string;
  rating: number | null;
  note: string | null;
  updated_at: string;
}

interface ItemRow {
  sample_id: string;
  before_rating: number | null;
  before_note: string | null;
}

interface Item {
  sampleId: string;
  before: Values;
  after: Values;
}

/** How many unknown or foreign sample ids an error names before it says "and N more". */
const NAMED_IN_ERRORS = 3;

const now = () => new Date().toISOString();

export class RatingStore {
  private readonly selectRun: Database.Statement;
  private readonly selectSample: Database.Statement;
  private readonly selectRating: Database.Statement;
  private readonly selectForRun: Database.Statement;
  private readonly upsertRating: Database.Statement;
  private readonly insertChange: Database.Statement;
  private readonly insertItem: Database.Statement;
  private readonly selectLastChange: Database.Statement;
  private readonly selectItems: Database.Statement;
  private readonly markUndone: Database.Statement;
  private readonly countUndoable: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.selectRun = db.prepare('SELECT 1 FROM runs WHERE id = ? AND deleted_at IS NULL').pluck();
    this.selectSample = db.prepare('SELECT run_id, status FROM samples WHERE id = ?');
    this.selectRating = db.prepare('SELECT sample_id, rating, note, updated_at FROM ratings WHERE sample_id = ?');
    // In the run's own order, so a list of ratings reads like the grid.
    this.selectForRun = db.prepare(
      `SELECT r.sample_id, r.rating, r.note, r.updated_at FROM ratings r JOIN samples s ON s.id = r.sample_id
       WHERE r.run_id = ? AND (r.rating IS NOT NULL OR r.note IS NOT NULL) ORDER BY s.seq`,
    );
    this.upsertRating = db.prepare(
      `INSERT INTO ratings (sample_id, run_id, rating, note, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sample_id) DO UPDATE SET rating = excluded.rating, note = excluded.note, updated_at = excluded.updated_at`,
    );
    this.insertChange = db.prepare('INSERT INTO rating_changes (run_id, kind, created_at) VALUES (?, ?, ?)');
    this.insertItem = db.prepare(
      'INSERT INTO rating_change_items (change_id, sample_id, before_rating, before_note, after_rating, after_note) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.selectLastChange = db.prepare('SELECT id, kind FROM rating_changes WHERE run_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1');
    this.selectItems = db.prepare('SELECT sample_id, before_rating, before_note FROM rating_change_items WHERE change_id = ?');
    this.markUndone = db.prepare('UPDATE rating_changes SET undone_at = ? WHERE id = ?');
    this.countUndoable = db.prepare('SELECT count(*) FROM rating_changes WHERE run_id = ? AND undone_at IS NULL').pluck();
  }

  /**
   * Gives every sample the same rating (null clears it) as ONE change, so one undo takes back a
   * whole cluster and each member gets its own earlier rating back. With `onlyUnrated` (a cluster
   * rating) a sample that already has a rating keeps it: a person's judgement of one output is
   * never replaced by a judgement of its neighbours; `kept` counts those. Samples that already have
   * the rating are left out of the change; a change that alters nothing is not recorded at all, so
   * an undo is never spent on it.
   */
  rate(runId: string, sampleIds: readonly string[], rating: number | null, { onlyUnrated = false } = {}): RatingChange {
    if (rating !== null && !RatingValue.safeParse(rating).success) {
      throw new WorkbenchError('BAD_INPUT', `A rating is a whole number from 1 to 5 (got ${rating}); use null to clear it.`);
    }
    const ids = [...new Set(sampleIds)];
    if (ids.length === 0) throw new WorkbenchError('BAD_INPUT', 'Choose at least one sample to rate.');
    return this.db
      .transaction(() => {
        this.assertSamples(runId, ids, rating !== null);
        const items: Item[] = [];
        let kept = 0;
        for (const sampleId of ids) {
          const before = this.valuesOf(sampleId);
          if (onlyUnrated && before.rating !== null) kept++;
          else if (before.rating !== rating) items.push({ sampleId, before, after: { rating, note: before.note } });
        }
        this.record(runId, 'rating', items);
        return { ...this.changeOf(runId, 'rating', ids), kept };
      })
      .immediate();
  }

  /** Sets one sample's note; a blank note (or null) clears it. */
  setNote(runId: string, sampleId: string, note: string | null): RatingChange {
    const value = note === null || note.trim() === '' ? null : note;
    return this.db
      .transaction(() => {
        this.assertSamples(runId, [sampleId], false);
        const before = this.valuesOf(sampleId);
        if (before.note !== value) this.record(runId, 'note', [{ sampleId, before, after: { rating: before.rating, note: value } }]);
        return this.changeOf(runId, 'note', [sampleId]);
      })
      .immediate();
  }

  /**
   * Takes back the run's last change that is not yet undone: each sample it touched gets back the
   * value it had before. Only the field the change was about is restored (a rating change never
   * touches a note), so nothing else is silently changed. Null when there is nothing to undo.
   */
  undo(runId: string): RatingChange | null {
    return this.db
      .transaction(() => {
        this.assertRun(runId);
        const change = this.selectLastChange.get(runId) as { id: number; kind: ChangeKind } | undefined;
        if (!change) return null;
        const at = now();
        const items = this.selectItems.all(change.id) as ItemRow[];
        for (const item of items) {
          const current = this.valuesOf(item.sample_id);
          const restored = change.kind === 'rating' ? { ...current, rating: item.before_rating } : { ...current, note: item.before_note };
          this.upsertRating.run(item.sample_id, runId, restored.rating, restored.note, at);
        }
        this.markUndone.run(at, change.id);
        return this.changeOf(runId, 'undo', items.map((item) => item.sample_id));
      })
      .immediate();
  }

  /** The run's samples that have a rating or a note, in run order. */
  forRun(runId: string): SampleRating[] {
    return (this.selectForRun.all(runId) as RatingRow[]).map(toSampleRating);
  }

  /** How many changes of the run an undo can still take back. */
  undoable(runId: string): number {
    return this.countUndoable.get(runId) as number;
  }

  private record(runId: string, kind: ChangeKind, items: readonly Item[]): void {
    if (items.length === 0) return;
    const at = now();
    const changeId = this.insertChange.run(runId, kind, at).lastInsertRowid;
    for (const { sampleId, before, after } of items) {
      this.insertItem.run(changeId, sampleId, before.rating, before.note, after.rating, after.note);
      this.upsertRating.run(sampleId, runId, after.rating, after.note, at);
    }
  }

  private changeOf(runId: string, kind: RatingChange['kind'], sampleIds: readonly string[]): RatingChange {
    const ratings = sampleIds.map((sampleId) => {
      const row = this.selectRating.get(sampleId) as RatingRow | undefined;
      return row ? toSampleRating(row) : { sampleId, rating: null, note: null, updatedAt: null };
    });
    return { runId, kind, ratings, undoable: this.undoable(runId), kept: 0 };
  }

  private valuesOf(sampleId: string): Values {
    const row = this.selectRating.get(sampleId) as RatingRow | undefined;
    return { rating: row?.rating ?? null, note: row?.note ?? null };
  }

  private assertRun(runId: string): void {
    if (this.selectRun.get(runId) === undefined) throw new WorkbenchError('NOT_FOUND', `There is no run "${runId}"; it may have been deleted.`);
  }

  /** Every id must be a sample of this run; a rating also needs an output to judge. */
  private assertSamples(runId: string, sampleIds: readonly string[], needOutput: boolean): void {
    this.assertRun(runId);
    const missing: string[] = [];
    const foreign: string[] = [];
    const unrateable: string[] = [];
    for (const sampleId of sampleIds) {
      const sample = this.selectSample.get(sampleId) as { run_id: string; status: SampleStatus } | undefined;
      if (!sample) missing.push(sampleId);
      else if (sample.run_id !== runId) foreign.push(sampleId);
      else if (needOutput && sample.status !== 'ok') unrateable.push(`"${sampleId}" (${sample.status})`);
    }
    if (missing.length > 0) {
      throw new WorkbenchError('NOT_FOUND', `There is no sample ${named(missing)} in run "${runId}". Reload the run and try again.`, { sampleIds: missing });
    }
    if (foreign.length > 0) {
      throw new WorkbenchError('BAD_INPUT', `The sample ${named(foreign)} belongs to another run, not "${runId}"; rate it from its own run.`, { sampleIds: foreign });
    }
    if (unrateable.length > 0) {
      throw new WorkbenchError(
        'BAD_INPUT',
        `Only samples with an output can be rated; ${list(unrateable)} ${unrateable.length === 1 ? 'has' : 'have'} none. A note can still say what went wrong.`,
      );
    }
  }
}

function toSampleRating(row: RatingRow): SampleRating {
  return { sampleId: row.sample_id, rating: row.rating, note: row.note, updatedAt: row.updated_at };
}

function named(ids: readonly string[]): string {
  return list(ids.map((id) => `"${id}"`));
}

function list(items: readonly string[]): string {
  const shown = items.slice(0, NAMED_IN_ERRORS).join(', ');
  return items.length > NAMED_IN_ERRORS ? `${shown} and ${items.length - NAMED_IN_ERRORS} more` : shown;
}
