// Verdicts of checks on samples (see migration 7). Kept per sample with the hash of the checks they
// were given under and the sample's finish time, so a stale verdict is recognised and replaced.
import type Database from 'better-sqlite3';
import type { Verdict } from '../../../shared/checks/checkTypes';

export interface StoredVerdicts {
  checksHash: string;
  finishedAt: string | null;
  verdicts: Verdict[];
}

/** Compact rows: [check, 1 | 0 | null, reason]. */
type Row = [string, 1 | 0 | null, string];

export class VerdictStore {
  private readonly selectRun: Database.Statement;
  private readonly selectSample: Database.Statement;
  private readonly upsert: Database.Statement;

  constructor(private readonly db: Database.Database) {
    // Only verdicts given under the checks asked about: after a check is edited none apply, and
    // reading and parsing a whole run's stale verdicts would cost as much as evaluating afresh.
    this.selectRun = db.prepare(
      'SELECT v.sample_id AS sampleId, v.checks_hash AS checksHash, v.finished_at AS finishedAt, v.verdicts_json AS json FROM sample_verdicts v JOIN samples s ON s.id = v.sample_id WHERE s.run_id = ? AND v.checks_hash = ?',
    );
    this.selectSample = db.prepare('SELECT checks_hash AS checksHash, finished_at AS finishedAt, verdicts_json AS json FROM sample_verdicts WHERE sample_id = ?');
    // An update in place: OR REPLACE would delete the old row first (foreign key checks and all),
    // which made writing a whole run's fresh verdicts take twice as long.
    this.upsert = db.prepare(
      `INSERT INTO sample_verdicts (sample_id, checks_hash, finished_at, verdicts_json) VALUES (?, ?, ?, ?)
       ON CONFLICT (sample_id) DO UPDATE SET checks_hash = excluded.checks_hash, finished_at = excluded.finished_at, verdicts_json = excluded.verdicts_json`,
    );
  }

  /** The run's verdicts given under these checks (by their hash). */
  forRun(runId: string, checksHash: string): Map<string, StoredVerdicts> {
    const found = new Map<string, StoredVerdicts>();
    for (const row of this.selectRun.all(runId, checksHash) as { sampleId: string; checksHash: string; finishedAt: string | null; json: string }[]) {
      found.set(row.sampleId, { checksHash: row.checksHash, finishedAt: row.finishedAt, verdicts: fromRows(row.json) });
    }
    return found;
  }

  forSample(sampleId: string): StoredVerdicts | null {
    const row = this.selectSample.get(sampleId) as { checksHash: string; finishedAt: string | null; json: string } | undefined;
    return row ? { checksHash: row.checksHash, finishedAt: row.finishedAt, verdicts: fromRows(row.json) } : null;
  }

  /** Writes a batch in one transaction. */
  save(checksHash: string, entries: readonly { sampleId: string; finishedAt: string | null; verdicts: readonly Verdict[] }[]): void {
    if (entries.length === 0) return;
    this.db.transaction(() => {
      for (const entry of entries) this.upsert.run(entry.sampleId, checksHash, entry.finishedAt, toRows(entry.verdicts));
    })();
  }
}

function toRows(verdicts: readonly Verdict[]): string {
  return JSON.stringify(verdicts.map((verdict): Row => [verdict.check, verdict.passed === null ? null : verdict.passed ? 1 : 0, verdict.reason]));
}

function fromRows(json: string): Verdict[] {
  return (JSON.parse(json) as Row[]).map(([check, passed, reason]) => ({ check, passed: passed === null ? null : passed === 1, reason }));
}
