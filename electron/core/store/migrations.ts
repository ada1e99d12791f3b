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
  {
    version: 2,
    name: 'runs and samples',
    // Every sample row is written up front as pending, so a crash or a cancel loses nothing and a
    // resume runs exactly what is left. `seq` is the execution order; `output_json` keeps the
    // prompt's declared output format so a resume sends the same request as the first attempt.
    up: `
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        prompt TEXT NOT NULL,
        commit_oid TEXT,
        content_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        request_json TEXT NOT NULL,
        output_json TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'interrupted', 'cancelled', 'done')),
        stop_reason TEXT,
        owner_pid INTEGER,
        created_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX runs_by_created ON runs (created_at, id);
      CREATE INDEX runs_by_prompt ON runs (prompt, created_at, id);
      CREATE INDEX runs_running ON runs (status) WHERE status = 'running';

      CREATE TABLE run_cases (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        input_json TEXT NOT NULL,
        messages_json TEXT NOT NULL,
        PRIMARY KEY (run_id, name)
      ) STRICT;

      CREATE TABLE samples (
        id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        temperature REAL NOT NULL,
        case_name TEXT NOT NULL,
        idx INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ok', 'error', 'cancelled')),
        output TEXT,
        error_code TEXT,
        error_message TEXT,
        error_status INTEGER,
        finish_reason TEXT,
        input_tokens INTEGER,
        output_tokens INTEGER,
        latency_ms REAL,
        ttft_ms REAL,
        cost_usd REAL,
        seed INTEGER,
        params_json TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        started_at TEXT,
        finished_at TEXT
      ) STRICT;
      CREATE INDEX samples_by_status ON samples (run_id, status);
      CREATE UNIQUE INDEX samples_by_seq ON samples (run_id, seq);
    `,
  },
  {
    version: 3,
    name: 'ratings, rating history and embedding cache',
    // A rating row keeps the sample's current rating and note; a cleared one stays (both null) so
    // its updated_at still tells when. Every change is a rating_changes row with one item per
    // sample it touched (a cluster rating is one change over many samples) holding the values before
    // and after, so an undo puts back each sample's own earlier value. `run_id` is kept on each row
    // so "this run's ratings" and "this run's last change" are index lookups, not joins.
    // Embeddings are Float32 little-endian blobs, cached per sample and embedding model: outputs
    // never change once finished, so a vector never goes stale.
    up: `
      CREATE TABLE ratings (
        sample_id TEXT PRIMARY KEY REFERENCES samples (id) ON DELETE CASCADE,
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        note TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ratings_by_run ON ratings (run_id);

      CREATE TABLE rating_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('rating', 'note')),
        created_at TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;
      CREATE INDEX rating_changes_undoable ON rating_changes (run_id, id) WHERE undone_at IS NULL;

      CREATE TABLE rating_change_items (
        change_id INTEGER NOT NULL REFERENCES rating_changes (id) ON DELETE CASCADE,
        sample_id TEXT NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
        before_rating INTEGER,
        before_note TEXT,
        after_rating INTEGER,
        after_note TEXT,
        PRIMARY KEY (change_id, sample_id)
      ) STRICT;
      -- Deleting a sample cascades here; without this index every such delete scans the history.
      CREATE INDEX rating_change_items_by_sample ON rating_change_items (sample_id);

      CREATE TABLE sample_embeddings (
        sample_id TEXT NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (sample_id, model)
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'runs remember the cases they ran',
    // So an approval can tell that the cases file changed since the run. Null for older runs.
    up: `ALTER TABLE runs ADD COLUMN cases_hash TEXT;`,
  },
  {
    version: 5,
    name: 'runs know whether their owner is alive',
    // A pid alone cannot tell whether the process executing a run is still there: after a crash the
    // system may give the pid to another program. So the owner also writes a random token, and
    // refreshes heartbeat_at while it executes the run; a run whose heartbeat stopped is orphaned
    // whoever has its pid now (see runOwnerStore.ts). Runs left running by an older app have none:
    // nothing vouches for them, so they read as orphaned.
    up: `
      ALTER TABLE runs ADD COLUMN owner_token TEXT;
      ALTER TABLE runs ADD COLUMN heartbeat_at TEXT;
    `,
  },
  {
    version: 6,
    name: 'runs remember the cells they left out',
    // A cell whose provider cannot take its parameters (Anthropic at temperature 1.5) gets no
    // samples; the run keeps which cells and why, as decided when it started, so the review shows
    // them as not sampled with the reason. Null for older runs, which never skipped a cell.
    up: `ALTER TABLE runs ADD COLUMN skipped_json TEXT;`,
  },
  {
    version: 7,
    name: 'verdicts of checks on samples',
    // Each finished sample's verdicts under one version of its prompt's checks (checks_hash), kept
    // so a run opens with its pass rates without evaluating again. A verdict is derived data: when
    // the checks change, or the sample is run again (finished_at moves), it is evaluated afresh.
    up: `
      CREATE TABLE sample_verdicts (
        sample_id TEXT PRIMARY KEY REFERENCES samples (id) ON DELETE CASCADE,
        checks_hash TEXT NOT NULL,
        finished_at TEXT,
        verdicts_json TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: 'judgements of outputs by rubric judges',
    // A judge model's answers about one output under one rubric, keyed by hash(judge, rubric,
    // output) (core/checks/judgeRequest.ts), so the same output is never judged twice for the same
    // rubric and judge, whichever run or sample it came from; deleting a run leaves the cache. Each
    // answer (vote) keeps its verdict, reason, tokens, cost and latency as a sample would; a rubric
    // asked k times reads the first k. The totals are columns so a run's judging cost is a SUM.
    up: `
      CREATE TABLE judgements (
        cache_key TEXT PRIMARY KEY,
        judge TEXT NOT NULL,
        votes_json TEXT NOT NULL,
        calls INTEGER NOT NULL,
        input_tokens INTEGER,
        output_tokens INTEGER,
        cost_usd REAL,
        latency_ms REAL NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 9,
    name: 'calls of prompts as tasks',
    // Each call an application or `workbench call --record` made of a prompt as a task (core/tasks),
    // opt-in: the version it sent (commit and approval tag; no commit for the draft), the model, how
    // long it took, tokens and cost, whether the answer fit the output schema, and, when the prompt
    // has checks, their verdicts on it. Read per version by the History tab's "In use" panel.
    up: `
      CREATE TABLE task_calls (
        id TEXT PRIMARY KEY,
        prompt TEXT NOT NULL,
        version_commit TEXT,
        version_tag TEXT,
        version_asked TEXT NOT NULL,
        model TEXT NOT NULL,
        temperature REAL,
        ok INTEGER NOT NULL,
        error_code TEXT,
        error_message TEXT,
        schema_valid INTEGER,
        attempts INTEGER NOT NULL,
        latency_ms REAL NOT NULL,
        input_tokens INTEGER,
        output_tokens INTEGER,
        cost_usd REAL,
        checks_passed INTEGER,
        checks_failed INTEGER,
        verdicts_json TEXT,
        caller TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX task_calls_by_version ON task_calls (prompt, version_commit, created_at);
    `,
  },
  {
    version: 10,
    name: 'runs can be labelled, pinned and deleted',
    // A person's name for a run, when it was pinned, and when it was deleted. Deleting only sets
    // deleted_at, so an undo is one UPDATE; every read of runs leaves such rows out, and they are
    // purged (samples, ratings and verdicts by cascade) once the undo has had its time
    // (store/runCuration.ts).
    up: `
      ALTER TABLE runs ADD COLUMN label TEXT;
      ALTER TABLE runs ADD COLUMN pinned_at TEXT;
      ALTER TABLE runs ADD COLUMN deleted_at TEXT;
      CREATE INDEX runs_deleted ON runs (deleted_at) WHERE deleted_at IS NOT NULL;
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
      // Another process opening the same new database may have applied it while this one waited for the lock.
      if (schemaVersion(db) >= migration.version) return;
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
