// Crash safety with a real child process: kill -9 the CLI in the middle of a run, then check that
// every sample finished before the kill is still there and unchanged, that the run reads as
// interrupted, and that `workbench resume` samples exactly what was left.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, startWorkbench } from '../support/workbenchCli';

const API_KEY = 'sk-crash-test-key-0123456789';
let root: string;
let ws: string;
let fake: FakeProvider;
let env: NodeJS.ProcessEnv;

interface SampleRow {
  id: string;
  status: string;
  output: string | null;
  finished_at: string | null;
  attempts: number;
}

function readSamples(): SampleRow[] {
  const db = new Database(path.join(ws, '.workbench', 'workbench.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT id, status, output, finished_at, attempts FROM samples ORDER BY id').all() as SampleRow[];
  } finally {
    db.close();
  }
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  fake = await startFakeProvider({ kind: 'openai', latencyMs: 60, apiKey: API_KEY });
  env = { HOME: root, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: API_KEY };
});

afterAll(async () => {
  await fake.close();
  removeDir(root);
});

describe('a run killed with SIGKILL', () => {
  it('keeps every finished sample, reads as interrupted, and resumes exactly the rest', async () => {
    const args = ['run', 'capital-city', '--workspace', ws, '-m', 'openai/gpt-4o-mini', '-t', '0,1', '-n', '30', '--case', 'Japan (easy)', '--case', 'Bolivia (two capitals)', '--concurrency', '2', '--yes'];
    const running = startWorkbench(args, env);
    await waitFor(() => fs.existsSync(path.join(ws, '.workbench', 'workbench.db')) && safeCount('ok') >= 20, '20 finished samples');
    running.child.kill('SIGKILL');
    await running.done;

    const afterKill = readSamples();
    const finished = afterKill.filter((row) => row.status === 'ok');
    const left = afterKill.filter((row) => row.status === 'pending');
    expect(afterKill).toHaveLength(2 * 2 * 30);
    expect(finished.length).toBeGreaterThanOrEqual(20);
    expect(left.length).toBeGreaterThan(0);
    expect(finished.length + left.length).toBe(afterKill.length);
    // Only calls still in flight at the kill can have been answered without being recorded.
    expect(fake.completions - finished.length).toBeLessThanOrEqual(2);

    const listed = runWorkbench(['runs', '--json', '--workspace', ws], env);
    expect(listed.status).toBe(0);
    const [run] = JSON.parse(listed.stdout) as { runId: string; status: string; total: number; ok: number; errors: number }[];
    expect(run).toMatchObject({ status: 'interrupted', total: 120, ok: finished.length, errors: 0 });

    fake.resetStats();
    const resumed = startWorkbench(['resume', run?.runId ?? '', '--json', '--workspace', ws], env);
    const result = await resumed.done;
    expect(result.stderr).not.toContain('unexpected');
    expect(result.status).toBe(0);
    expect(fake.completions).toBe(left.length);

    const afterResume = readSamples();
    expect(afterResume.every((row) => row.status === 'ok')).toBe(true);
    const before = new Map(finished.map((row) => [row.id, row]));
    for (const row of afterResume) {
      const earlier = before.get(row.id);
      if (earlier) expect(row).toEqual(earlier);
    }
    const report = JSON.parse(result.stdout) as { runId: string; status: string; cells: { ok: number; errors: number }[] };
    expect(report).toMatchObject({ runId: run?.runId, status: 'done' });
    expect(report.cells.reduce((sum, cell) => sum + cell.ok, 0)).toBe(120);

    const final = JSON.parse(runWorkbench(['runs', '--json', '--workspace', ws], env).stdout) as { status: string }[];
    expect(final[0]?.status).toBe('done');
  }, 90_000);
});

/** Counts samples in a status, or 0 while the database is still being created. */
function safeCount(status: string): number {
  try {
    return readSamples().filter((row) => row.status === status).length;
  } catch {
    return 0;
  }
}
