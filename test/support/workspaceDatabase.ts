// The workspace database as another program sees it: read (or changed) directly with
// better-sqlite3, for tests that set up or check what the app itself would not.
import path from 'node:path';
import Database from 'better-sqlite3';

export function databaseFile(workspace: string): string {
  return path.join(workspace, '.workbench', 'workbench.db');
}

/** Opens the database for one piece of work and closes it again. */
export function withDatabase<T>(workspace: string, work: (db: Database.Database) => T, options: Database.Options = {}): T {
  const db = new Database(databaseFile(workspace), { fileMustExist: true, ...options });
  try {
    db.pragma('busy_timeout = 5000');
    return work(db);
  } finally {
    db.close();
  }
}

export function sampleStatuses(workspace: string, runId: string): Map<string, string> {
  return withDatabase(
    workspace,
    (db) => new Map((db.prepare('SELECT id, status FROM samples WHERE run_id = ? ORDER BY seq').all(runId) as { id: string; status: string }[]).map((row) => [row.id, row.status])),
    { readonly: true },
  );
}
