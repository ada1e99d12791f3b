// Runs that another process changes (a `workbench run`, `cancel` or `resume` in a terminal) reach
// this core only through the database, not through its own events. So the database's files are
// watched, and when another connection has committed (SQLite's `data_version` moved), the runs that
// are new, changed state, or are running in another process are published as `runsChanged`: open
// windows follow a terminal's run as they follow their own. A label, pin or delete made elsewhere
// (`workbench runs --label`, another window) is published the same way, deletes by id.
import fs from 'node:fs';
import path from 'node:path';
import type { RunStatus, RunSummary } from '../../../shared/runs';
import type { WorkbenchDatabase } from '../store/database';

/** A burst of writes is looked at once, this long after it starts (never later: a long run writes without pause). */
const LOOK_AFTER_MS = 150;
/** How many of the newest runs are compared; older runs rarely change, and a window asks again when it opens them. */
const RECENT_RUNS = 200;

interface RunState {
  id: string;
  status: RunStatus;
  owner_pid: number | null;
  label: string | null;
  pinned_at: string | null;
  deleted_at: string | null;
}

/** What a person sees change in a list of runs. */
const stateOf = (run: RunState) => `${run.status}|${run.label ?? ''}|${run.pinned_at ?? ''}|${run.deleted_at === null ? '' : 'deleted'}`;

export function watchOutsideRuns(database: WorkbenchDatabase, publish: (runs: RunSummary[], deleted: string[]) => void): () => void {
  // Deleted runs too (until purged), so their deletion is seen.
  const recent = database.connection.prepare(
    'SELECT id, status, owner_pid, label, pinned_at, deleted_at FROM runs ORDER BY created_at DESC, id DESC LIMIT ?',
  );
  const dataVersion = () => database.connection.pragma('data_version', { simple: true }) as number;
  let version = dataVersion();
  let known = new Map((recent.all(RECENT_RUNS) as RunState[]).map((run) => [run.id, stateOf(run)]));
  let timer: NodeJS.Timeout | undefined;

  function look(): void {
    timer = undefined;
    try {
      const now = dataVersion();
      if (now === version) return; // only this process wrote: its own events said it already
      version = now;
      const runs = recent.all(RECENT_RUNS) as RunState[];
      const changed = runs.filter((run) => known.get(run.id) !== stateOf(run) || (run.status === 'running' && run.owner_pid !== process.pid));
      known = new Map(runs.map((run) => [run.id, stateOf(run)]));
      const deleted = changed.filter((run) => run.deleted_at !== null).map((run) => run.id);
      const summaries = changed.map((run) => (run.deleted_at === null ? database.runs.summary(run.id) : null)).filter((summary) => summary !== null);
      if (summaries.length > 0 || deleted.length > 0) publish(summaries, deleted);
    } catch {
      // Locked or closing: the next write looks again.
    }
  }

  const file = path.basename(database.path);
  let watcher: fs.FSWatcher | undefined;
  try {
    // The folder, not the file: the write-ahead log comes and goes with checkpoints.
    watcher = fs.watch(path.dirname(database.path), (_event, name) => {
      if (name && !name.toString().startsWith(file)) return;
      timer ??= setTimeout(look, LOOK_AFTER_MS);
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    // Nothing to watch (a file system without notifications): windows still see their own runs.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
