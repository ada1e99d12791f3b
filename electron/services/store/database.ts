// Opens the workspace database: WAL for crash safety, a busy timeout for a second process,
// migrations at open, and failures turned into errors a person can act on.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WorkbenchError } from '../../../shared/errors';
import { EmbeddingStore } from './embeddingStore';
import { migrate } from './migrations';
import { RatingStore } from './ratingStore';
import { RunStore } from './runStore';
import { SettingsStore } from './settingsStore';

export interface DatabaseOptions {
  /** better-sqlite3 binary for another ABI (Electron); the Node build is used when absent. */
  nativeBinding?: string;
  /** How long to wait for another process's lock before giving up. */
  busyTimeoutMs?: number;
}

export interface WorkbenchDatabase {
  readonly path: string;
  readonly schemaVersion: number;
  readonly settings: SettingsStore;
  readonly runs: RunStore;
  readonly ratings: RatingStore;
  readonly embeddings: EmbeddingStore;
  readonly connection: Database.Database;
  close(): void;
}

export function openWorkspaceDatabase(file: string, options: DatabaseOptions = {}): WorkbenchDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let connection: Database.Database | undefined;
  try {
    connection = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    connection.pragma('journal_mode = WAL');
    // With WAL, NORMAL survives a process crash or kill -9 (only power loss can drop the last commits) and spares an fsync per sample.
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    const version = migrate(connection);
    const db = connection;
    const ratings = new RatingStore(db);
    return {
      path: file,
      schemaVersion: version,
      settings: new SettingsStore(db),
      // A run's detail carries its ratings, so the run store reads them through the rating store.
      runs: new RunStore(db, ratings),
      ratings,
      embeddings: new EmbeddingStore(db),
      connection: db,
      close: () => db.close(),
    };
  } catch (error) {
    connection?.close();
    throw explainDatabaseError(file, error);
  }
}

export function explainDatabaseError(file: string, error: unknown): unknown {
  if (error instanceof WorkbenchError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new WorkbenchError(
      'DB_LOCKED',
      `The database ${file} is locked by another program (perhaps another Prompt Workbench window or \`workbench\` command). Close it and try again.`,
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new WorkbenchError(
      'DB_CORRUPT',
      `The database ${file} is damaged. Your prompts are safe in git; move the file aside (for example rename it to workbench.db.broken) and open the workspace again to start a fresh database.`,
    );
  }
  return error;
}
