// Another process holding the database's write lock, for real: a separate Node process in the
// middle of a write transaction (test/support/sqliteLockHolder.ts). Reads go on under it (WAL), a
// write waits without freezing `serve`, says so on the command line, and when it gives up it says
// what to do in one line; a rating refused meanwhile is answered as retryable, never INTERNAL.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { postApi } from '../support/serveApi';
import { holdWriteLock } from '../support/sqliteLockHolder';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, serveWorkbench, startWorkbench, type ServeProcess } from '../support/workbenchCli';
import { databaseFile, withDatabase } from '../support/workspaceDatabase';

const API_KEY = 'sk-lock-test-key-0123456789';
let root: string;
let ws: string;
let fake: FakeProvider;
let env: NodeJS.ProcessEnv;
let runId: string;
let sampleIds: string[];

const NO_STACK = /^\s+at /m;

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  fake = await startFakeProvider({ kind: 'openai', apiKey: API_KEY });
  env = { HOME: root, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: API_KEY };
  const args = ['run', 'capital-city', '--workspace', ws, '-m', 'openai/gpt-4o-mini', '-t', '0', '-n', '4', '--case', 'Japan (easy)', '--yes', '--json'];
  const made = await startWorkbench(args, env).done;
  expect(made.status).toBe(0);
  runId = (JSON.parse(made.stdout) as { runId: string }).runId;
  sampleIds = withDatabase(ws, (db) => db.prepare('SELECT id FROM samples WHERE run_id = ? ORDER BY seq').pluck().all(runId) as string[]);
}, 60_000);

afterAll(async () => {
  await fake.close();
  removeDir(root);
});

/** The run as a process that died mid-run would have left it: running, two samples still pending, owned by a pid that is gone. */
function leaveInterruptedByCrash(): void {
  withDatabase(ws, (db) => {
    db.prepare("UPDATE runs SET status = 'running', owner_pid = 999999999, finished_at = NULL WHERE id = ?").run(runId);
    db.prepare("UPDATE samples SET status = 'pending', output = NULL WHERE run_id = ? AND idx >= 2").run(runId);
  });
}

describe('while another process holds the write lock', () => {
  it('`workbench runs` still lists the runs, leaving recovery of a crashed run for later', async () => {
    leaveInterruptedByCrash();
    const holder = await holdWriteLock(databaseFile(ws));
    let listed;
    try {
      listed = await startWorkbench(['runs', '--json', '--workspace', ws], env).done;
    } finally {
      await holder.release();
    }
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    const runs = JSON.parse(listed.stdout) as { runId: string; status: string }[];
    expect(runs.map((run) => run.runId)).toEqual([runId]);

    // Once the lock is gone, the next command does the recovery it had to skip.
    const after = JSON.parse(runWorkbench(['runs', '--json', '--workspace', ws], env).stdout) as { status: string }[];
    expect(after[0]?.status).toBe('interrupted');
  }, 60_000);

  it('a command that must write says it is waiting, and gives up with one clear line', async () => {
    const holder = await holdWriteLock(databaseFile(ws));
    let resumed;
    try {
      resumed = await startWorkbench(['resume', runId, '--workspace', ws], { ...env, WORKBENCH_DB_WAIT_SECONDS: '1' }).done;
    } finally {
      await holder.release();
    }
    expect(resumed.status).toBe(1);
    const lines = resumed.stderr.trim().split('\n');
    expect(lines).toEqual([
      'Waiting for the database: another process is writing to it…',
      expect.stringMatching(/^workbench: The database .*workbench\.db is locked by another program .*nothing was saved\. Let it finish or close it, then try again\.$/),
    ]);
    expect(resumed.stderr).not.toMatch(NO_STACK);
    expect(withDatabase(ws, (db) => db.prepare('SELECT status FROM runs WHERE id = ?').pluck().get(runId))).toBe('interrupted');
  }, 60_000);

  it('a command that must write waits for the lock, and carries on once it is free', async () => {
    fake.resetStats();
    const holder = await holdWriteLock(databaseFile(ws));
    const resuming = startWorkbench(['resume', runId, '--json', '--workspace', ws], env);
    try {
      await until(() => resuming.stderr.includes('Waiting for the database'), 30_000);
    } finally {
      await holder.release();
    }
    const resumed = await resuming.done;
    expect(resumed.stderr).not.toMatch(NO_STACK);
    expect(resumed.status).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ runId, status: 'done' });
    expect(fake.completions).toBe(2);
  }, 60_000);
});

describe('a rating sent to `workbench serve` while another process holds the write lock', () => {
  let server: ServeProcess;
  beforeAll(async () => {
    server = await serveWorkbench(ws, ['--port', '0'], { ...process.env, ...env });
  }, 120_000);
  afterAll(async () => server?.stop());

  const rate = (rating: number) => postApi<{ ratings: { sampleId: string; rating: number }[] }>(server, 'rateSamples', { runId, sampleIds: [sampleIds[0]], rating });
  const storedRating = () => withDatabase(ws, (db) => db.prepare('SELECT rating FROM ratings WHERE sample_id = ?').pluck().get(sampleIds[0]), { readonly: true });

  it('waits without holding up other requests, and is saved as soon as the lock goes', async () => {
    const holder = await holdWriteLock(databaseFile(ws));
    const rating = rate(3);
    let answered = false;
    void rating.finally(() => (answered = true));
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      // The server's event loop is free meanwhile: a read is answered while the rating waits.
      const listed = await postApi<unknown[]>(server, 'listRuns', {});
      expect(listed).toMatchObject({ status: 200, ok: true });
      expect(answered).toBe(false);
    } finally {
      await holder.release();
    }
    expect(await rating).toMatchObject({ status: 200, ok: true, data: { ratings: [{ sampleId: sampleIds[0], rating: 3 }] } });
    expect(storedRating()).toBe(3);
  }, 60_000);

  it('is answered as retryable (DB_BUSY) when the lock outlasts the wait, and saved when sent again', async () => {
    const holder = await holdWriteLock(databaseFile(ws));
    try {
      const refused = await rate(5);
      expect(refused.status).toBe(503);
      expect(refused.error).toMatchObject({ code: 'DB_BUSY', message: expect.stringMatching(/not saved yet\. Try again in a moment\./) });
      expect(storedRating()).toBe(3);
    } finally {
      await holder.release();
    }
    expect(await rate(5)).toMatchObject({ status: 200, ok: true });
    expect(storedRating()).toBe(5);
  }, 60_000);
});

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
