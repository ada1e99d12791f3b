// Numbered schema migrations, applied in order at open. The schema version is SQLite's
// user_version, so any SQLite tool can tell which version a database is at.
import type Database from 'better-sqlite3';
import { WorkbenchError } from '../../../shared/errors';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    up: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `,
  },
];

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration above the current version, each in its own transaction. */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number {
  assertOrdered(list);
  const latest = list.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new WorkbenchError(
      'DB_TOO_NEW',
      `The database ${db.name} is at schema version ${current}, newer than this app understands (${latest}). Update Prompt Workbench.`,
    );
  }
  for (const migration of list) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}

function assertOrdered(list: readonly Migration[]): void {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
}
