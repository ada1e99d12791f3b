import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspaceDatabase } from '../../electron/core/store/database';
import { migrate, migrations, schemaVersion, type Migration } from '../../electron/core/store/migrations';
import { makeTempDir, removeDir } from '../support/tempDir';

describe('workspace database', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = makeTempDir();
    file = path.join(dir, '.workbench', 'workbench.db');
  });
  afterEach(() => removeDir(dir));

  it('applies every migration on a new database and uses WAL', () => {
    const db = openWorkspaceDatabase(file);
    try {
      expect(db.schemaVersion).toBe(migrations.length);
      expect(db.connection.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = db.connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toContain('settings');
    } finally {
      db.close();
    }
  });

  it('keeps settings across reopen and does not re-run migrations', () => {
    const first = openWorkspaceDatabase(file);
    expect(first.settings.read().theme).toBe('system');
    first.settings.write({ key: 'theme', value: 'dark' });
    first.close();

    const second = openWorkspaceDatabase(file);
    try {
      expect(second.settings.read().theme).toBe('dark');
      expect(second.schemaVersion).toBe(migrations.length);
    } finally {
      second.close();
    }
  });

  it('falls back to the default for a stored value the app no longer accepts', () => {
    const db = openWorkspaceDatabase(file);
    try {
      db.connection.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"purple\"')").run();
      expect(db.settings.read().theme).toBe('system');
    } finally {
      db.close();
    }
  });

  it('applies only the migrations above the current version, and rolls back a failing one', () => {
    const connection = new Database(':memory:');
    const list: Migration[] = [
      { version: 1, name: 'one', up: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'two', up: 'CREATE TABLE b (x INTEGER);' },
    ];
    expect(migrate(connection, list.slice(0, 1))).toBe(1);
    expect(migrate(connection, list)).toBe(2);

    const broken: Migration[] = [...list, { version: 3, name: 'broken', up: 'CREATE TABLE c (x INTEGER); NOT SQL;' }];
    expect(() => migrate(connection, broken)).toThrow();
    expect(schemaVersion(connection)).toBe(2);
    const tables = connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('c');
    connection.close();
  });

  it('refuses migrations that are not numbered 1, 2, 3…', () => {
    const connection = new Database(':memory:');
    expect(() => migrate(connection, [{ version: 2, name: 'skips', up: '' }])).toThrow(/numbered 2, expected 1/);
    connection.close();
  });

  it('explains a database made by a newer app', () => {
    const db = openWorkspaceDatabase(file);
    db.connection.pragma('user_version = 999');
    db.close();
    expect(() => openWorkspaceDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }));
  });

  it('gives a clear error, not a crash, when another process holds the write lock during migration', () => {
    // An empty database still needs its migrations, and those need the lock the holder keeps.
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.prepare('BEGIN EXCLUSIVE').run();
    try {
      expect(() => openWorkspaceDatabase(file, { busyTimeoutMs: 50 })).toThrow(
        expect.objectContaining({ code: 'DB_LOCKED', message: expect.stringMatching(/locked by another program/) }),
      );
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
    // Once the other program lets go, the same database opens normally.
    const db = openWorkspaceDatabase(file);
    expect(db.schemaVersion).toBe(migrations.length);
    db.close();
  });

  it('gives a clear error for a damaged database file and leaves the file for inspection', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const garbage = Buffer.alloc(8192, 0x5a);
    fs.writeFileSync(file, garbage);
    expect(() => openWorkspaceDatabase(file)).toThrow(
      expect.objectContaining({ code: 'DB_CORRUPT', message: expect.stringMatching(/damaged.*prompts are safe in git/) }),
    );
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  });
});
