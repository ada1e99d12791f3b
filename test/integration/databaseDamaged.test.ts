// A database damaged past its header: it opens, and the damage is found only when a query reads
// the broken page. That must read as the same "damaged" guidance a damaged header gets (DB_CORRUPT),
// on the command line and through the API, never as an unexpected failure with a stack.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { postApi } from '../support/serveApi';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, serveWorkbench, startWorkbench } from '../support/workbenchCli';
import { databaseFile, withDatabase } from '../support/workspaceDatabase';

let root: string;
let ws: string;
let fake: FakeProvider;
let env: NodeJS.ProcessEnv;
let runId: string;

const DAMAGED = /^workbench: The database .*workbench\.db is damaged\. Your prompts are safe in git; move the file aside \(for example rename it to workbench\.db\.broken\) and open the workspace again to start a fresh database\.\n$/;

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  fake = await startFakeProvider({ kind: 'ollama' });
  env = { HOME: root, OLLAMA_HOST: fake.url };
  const made = await startWorkbench(['run', 'capital-city', '-m', 'ollama/llama3.2', '-t', '0', '-n', '3', '--case', 'Japan (easy)', '--json', '--workspace', ws], env).done;
  expect(made.status).toBe(0);
  runId = (JSON.parse(made.stdout) as { runId: string }).runId;
  damageTable('samples');
}, 60_000);

afterAll(async () => {
  await fake.close();
  removeDir(root);
});

/** Overwrites the page holding a table's rows with garbage; the header and the schema stay intact. */
function damageTable(table: string): void {
  const { page, pageSize } = withDatabase(ws, (db) => {
    // Everything into the main file, so the damage is not hidden behind a newer copy in the WAL.
    db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      page: db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as number,
      pageSize: db.pragma('page_size', { simple: true }) as number,
    };
  });
  expect(page).toBeGreaterThan(1);
  const fd = fs.openSync(databaseFile(ws), 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

describe('a database with a damaged page', () => {
  it('still opens, and `workbench runs` says it is damaged and what to do, in one line', () => {
    const listed = runWorkbench(['runs', '--workspace', ws], env);
    expect(listed.status).toBe(1);
    expect(listed.stderr).toMatch(DAMAGED);
    expect(listed.stdout).toBe('');
  });

  it('answers DB_CORRUPT through the API, not INTERNAL', async () => {
    const server = await serveWorkbench(ws, ['--port', '0'], { ...process.env, ...env });
    try {
      const answer = await postApi(server, 'getRun', { runId });
      expect(answer.ok).toBe(false);
      expect(answer.error).toMatchObject({ code: 'DB_CORRUPT', message: expect.stringMatching(/is damaged\. Your prompts are safe in git/) });
      // The rest of the app keeps working: prompts live in git, not in the database.
      expect(await postApi(server, 'listPrompts', {})).toMatchObject({ ok: true });
    } finally {
      await server.stop();
    }
  }, 120_000);
});
