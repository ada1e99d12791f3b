// Writes task calls to the workspace database, for the app's "In use" panel. Opt-in, so an
// application that does not record never loads SQLite: the database code (and better-sqlite3) is
// imported on the first recorded call. Writes are one short statement each and wait politely for
// another writer (the app, a run) as every writer of this database does.
import type { TaskCallRecord } from '../store/taskCallStore';
import type { WorkbenchDatabase } from '../store/database';
import type { Settings } from '../../../shared/settings';
import type { Workspace } from '../workspace/workspace';

export interface CallRecorder {
  record(call: TaskCallRecord): Promise<void>;
  /** The workspace's Settings (providers, prices, default model), as the app has them. */
  settings(): Promise<Settings>;
  close(): Promise<void>;
}

export function callRecorder(workspace: Workspace): CallRecorder {
  let opened: Promise<WorkbenchDatabase> | null = null;
  const database = () => (opened ??= import('../store/database').then(({ openWorkspaceDatabaseWhenFree }) => openWorkspaceDatabaseWhenFree(workspace.databasePath)));
  return {
    async record(call) {
      const db = await database();
      await db.write(() => db.taskCalls.record(call));
    },
    async settings() {
      return (await database()).settings.read();
    },
    async close() {
      const pending = opened;
      opened = null;
      if (pending) (await pending.catch(() => null))?.close();
    },
  };
}
