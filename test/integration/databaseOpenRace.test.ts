// Two processes opening a workspace whose database is new, at the same moment (the app and a
// `workbench` command started together): each reads the schema version, and one applies the
// migrations while the other waits for the lock. The one that waited must find the schema done,
// not apply it a second time.
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrations, schemaVersion } from '../../electron/core/store/migrations';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, startWorkbench } from '../support/workbenchCli';

let root: string;
let ws: string;

beforeAll(() => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
});

afterAll(() => removeDir(root));

async function until(check: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 60_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it('lets a command that waited for another process migrating a new database carry on with the schema it made', async () => {
  const file = path.join(ws, '.workbench', 'workbench.db');
  // The other process commits while the command is inside its short wait for the lock (between
  // reading the schema version and starting its first migration): a few rounds, at that moment.
  for (let round = 0; round < 4; round++) {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    fs.mkdirSync(path.dirname(file));
    const other = new Database(file);
    other.pragma('journal_mode = WAL');
    other.prepare('BEGIN IMMEDIATE').run();

    const command = startWorkbench(['runs', '--json', '--workspace', ws], { HOME: root });
    await until(() => command.stderr.includes('Waiting for the database'), 'the command to wait for the lock');
    await new Promise((resolve) => setTimeout(resolve, 120));
    for (const migration of migrations) other.exec(migration.up);
    other.pragma(`user_version = ${migrations.length}`);
    other.prepare('COMMIT').run();

    const result = await command.done;
    other.close();
    expect(result.stderr).not.toContain('already exists');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    const check = new Database(file, { readonly: true });
    expect(schemaVersion(check)).toBe(migrations.length);
    check.close();
  }
}, 120_000);
