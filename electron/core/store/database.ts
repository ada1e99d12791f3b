// Opens the workspace database: WAL for crash safety and for reading while another process
// writes, migrations at open, waits for other processes' locks that never freeze this one
// (lockWait.ts), and failures turned into errors a person can act on.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WorkbenchError } from '../../../shared/errors';
import { EmbeddingStore } from './embeddingStore';
import { JudgementStore } from './judgementStore';
import { BUSY_TIMEOUT_MS, isBusy, lockError, requestLockPolicy, whenUnlocked, type LockPolicy } from './lockWait';
import { migrate } from './migrations';
import { RatingStore } from './ratingStore';
import { RunCuration } from './runCuration';
import { RunOwnerStore } from './runOwnerStore';
import { RunStore } from './runStore';
import { SettingsStore } from './settingsStore';
import { TaskCallStore } from './taskCallStore';
import { VerdictStore } from './verdictStore';

export interface DatabaseOptions {
  /** better-sqlite3 binary for another ABI (Electron); the Node build is used when absent. */
  nativeBinding?: string;
  /** How long one statement blocks waiting for another process's lock (default BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
  /** How writes wait for another process's lock (default: requestLockPolicy). */
  lockPolicy?: LockPolicy;
}

export interface WorkbenchDatabase {
  readonly path: string;
  readonly schemaVersion: number;
  readonly settings: SettingsStore;
  readonly runs: RunStore;
  readonly owners: RunOwnerStore;
  /** Labels, pins and deletes of whole runs. */
  readonly curation: RunCuration;
  readonly ratings: RatingStore;
  readonly embeddings: EmbeddingStore;
  readonly verdicts: VerdictStore;
  readonly judgements: JudgementStore;
  /** Prompts called as tasks, when the caller asked to record them (core/tasks). */
  readonly taskCalls: TaskCallStore;
  readonly connection: Database.Database;
  readonly lockPolicy: LockPolicy;
  /**
   * Runs one write (a transaction, or a single statement) as soon as no other process holds the
   * lock, without blocking this process meanwhile; gives up as the lock policy says, or after
   * `patienceMs` when given.
   */
  write<T>(write: () => T, patienceMs?: number): Promise<T>;
  /** Best-effort work (a cache, a clean-up): done now, or skipped (undefined) when another process holds the lock. */
  writeIfFree<T>(write: () => T): T | undefined;
  /** A failure of this database as the error a person should see (locked, damaged), else the error itself. */
  explain(error: unknown): unknown;
  close(): void;
}

/** Opens the database; a lock that migrations need and cannot get at once fails with DB_LOCKED. */
export function openWorkspaceDatabase(file: string, options: DatabaseOptions = {}): WorkbenchDatabase {
  try {
    return openNow(file, options);
  } catch (error) {
    throw explainDatabaseError(file, error);
  }
}

/** Opens the database, waiting as the lock policy says when migrations need a lock another process holds. */
export async function openWorkspaceDatabaseWhenFree(file: string, options: DatabaseOptions = {}): Promise<WorkbenchDatabase> {
  const policy = options.lockPolicy ?? requestLockPolicy;
  try {
    // Nobody retries an open on their own, so giving up here is final.
    return await whenUnlocked(() => openNow(file, options), file, { ...policy, giveUp: 'DB_LOCKED' });
  } catch (error) {
    throw explainDatabaseError(file, error);
  }
}

function openNow(file: string, options: DatabaseOptions): WorkbenchDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let connection: Database.Database | undefined;
  try {
    connection = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? BUSY_TIMEOUT_MS}`);
    // Switching to WAL needs the write lock; a database already in WAL (every one but a new one) is left as it is.
    if (connection.pragma('journal_mode', { simple: true }) !== 'wal') connection.pragma('journal_mode = WAL');
    // With WAL, NORMAL survives a process crash or kill -9 (only power loss can drop the last commits) and spares an fsync per sample.
    connection.pragma('synchronous = NORMAL');
    connection.pragma('foreign_keys = ON');
    const version = migrate(connection);
    return assemble(file, connection, version, options.lockPolicy ?? requestLockPolicy);
  } catch (error) {
    connection?.close();
    throw error;
  }
}

function assemble(file: string, db: Database.Database, version: number, lockPolicy: LockPolicy): WorkbenchDatabase {
  const ratings = new RatingStore(db);
  const explain = (error: unknown) => (isBusy(error) ? lockError(file, lockPolicy.giveUp) : explainDatabaseError(file, error));
  return {
    path: file,
    schemaVersion: version,
    settings: new SettingsStore(db),
    // A run's detail carries its ratings, so the run store reads them through the rating store.
    runs: new RunStore(db, ratings),
    owners: new RunOwnerStore(db),
    curation: new RunCuration(db),
    ratings,
    embeddings: new EmbeddingStore(db),
    verdicts: new VerdictStore(db),
    judgements: new JudgementStore(db),
    taskCalls: new TaskCallStore(db),
    connection: db,
    lockPolicy,
    write: async (write, patienceMs) => {
      try {
        return await whenUnlocked(write, file, patienceMs === undefined ? lockPolicy : { ...lockPolicy, patienceMs });
      } catch (error) {
        throw explain(error);
      }
    },
    writeIfFree: (write) => {
      try {
        return write();
      } catch (error) {
        if (isBusy(error)) return undefined;
        throw explain(error);
      }
    },
    explain,
    close: () => db.close(),
  };
}

/** SQLite's failures as errors a person can act on; `file` is null where the path is not known. */
export function explainDatabaseError(file: string | null, error: unknown): unknown {
  if (error instanceof WorkbenchError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const database = file === null ? 'The workspace database (.workbench/workbench.db)' : `The database ${file}`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new WorkbenchError(
      'DB_LOCKED',
      `${database} is locked by another program (perhaps another Prompt Workbench window or \`workbench\` command). Close it and try again.`,
    );
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    const where = file === null ? 'it' : 'the file';
    return new WorkbenchError(
      'DB_CORRUPT',
      `${database} is damaged. Your prompts are safe in git; move ${where} aside (for example rename it to workbench.db.broken) and open the workspace again to start a fresh database.`,
    );
  }
  return error;
}
