// The store tests' setup: a workspace database of its own, in a temp folder, for every test.
import { afterEach, beforeEach } from 'vitest';
import { openWorkspaceDatabase, type WorkbenchDatabase } from '../../electron/core/store/database';
import { makeTempDir, removeDir } from './tempDir';
import { databaseFile } from './workspaceDatabase';

/** Opens one before each test of the calling block and hands it to `use`; closes and removes it after. */
export function freshDatabaseEachTest(use: (db: WorkbenchDatabase) => void): void {
  let dir = '';
  let db: WorkbenchDatabase | null = null;
  beforeEach(() => {
    dir = makeTempDir();
    db = openWorkspaceDatabase(databaseFile(dir));
    use(db);
  });
  afterEach(() => {
    db?.close();
    db = null;
    removeDir(dir);
  });
}
