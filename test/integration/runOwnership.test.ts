// Runs shared between real processes. A run whose owner died while its pid went to another program
// must not look alive for ever: it is interrupted at open, and at the moment a resume or cancel asks
// for it. `workbench cancel` stops a run executing in another live process (`workbench run`,
// `serve`): that process notices, aborts its calls, and its late answers never overwrite a
// cancelled sample.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../shared/runs';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { coreHostPid } from '../support/processTree';
import { callApi } from '../support/serveApi';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, serveWorkbench, startWorkbench, type ServeProcess } from '../support/workbenchCli';
import { sampleStatuses, withDatabase } from '../support/workspaceDatabase';

const API_KEY = 'sk-owner-test-key-0123456789';
let root: string;
let ws: string;
let fake: FakeProvider;
let env: NodeJS.ProcessEnv;
/** A live process that has nothing to do with any run: the pid a dead owner's pid was given to. */
let bystander: ChildProcess;

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  fake = await startFakeProvider({ kind: 'openai', apiKey: API_KEY, latencyMs: 150 });
  env = { HOME: root, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: API_KEY };
  bystander = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60000)'], { stdio: 'ignore' });
});

afterAll(async () => {
  bystander.kill('SIGKILL');
  await fake.close();
  removeDir(root);
});

const runArgs = (samples: number) => ['capital-city', '-m', 'openai/gpt-4o-mini', '-t', '0', '-n', String(samples), '--case', 'Japan (easy)', '--yes'];

async function finishedRun(samples: number): Promise<string> {
  const made = await startWorkbench(['run', ...runArgs(samples), '--json', '--workspace', ws], env).done;
  expect(made.status).toBe(0);
  return (JSON.parse(made.stdout) as { runId: string }).runId;
}

/**
 * The run as an owner that died long ago left it, its pid since given to the bystander: running,
 * its heartbeat stale, `pending` samples not done.
 */
function orphan(runId: string, pending: number): void {
  withDatabase(ws, (db) => {
    db.prepare("UPDATE runs SET status = 'running', owner_pid = ?, owner_token = 'a-dead-owner', heartbeat_at = '2025-01-01T00:00:00.000Z', finished_at = NULL WHERE id = ?").run(bystander.pid, runId);
    db.prepare("UPDATE samples SET status = 'pending', output = NULL WHERE run_id = ? AND idx >= ?").run(runId, 4 - pending);
  });
}

const statusOf = (runId: string) => withDatabase(ws, (db) => db.prepare('SELECT status FROM runs WHERE id = ?').pluck().get(runId), { readonly: true });

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a run whose owner died and whose pid is now another live process', () => {
  it('reads as interrupted once a command opens the workspace, and resumes exactly what was left', async () => {
    const runId = await finishedRun(4);
    orphan(runId, 2);
    const listed = JSON.parse(runWorkbench(['runs', '--json', '--workspace', ws], env).stdout) as { runId: string; status: string }[];
    expect(listed.find((run) => run.runId === runId)?.status).toBe('interrupted');

    fake.resetStats();
    const resumed = await startWorkbench(['resume', runId, '--json', '--workspace', ws], env).done;
    expect(resumed.status).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ runId, status: 'done' });
    expect(fake.completions).toBe(2);
  }, 60_000);

  describe('in a process that was already open when the owner died', () => {
    let server: ServeProcess;
    beforeAll(async () => {
      server = await serveWorkbench(ws, ['--port', '0'], { ...process.env, ...env });
    }, 120_000);
    afterAll(async () => server?.stop());

    it('can be resumed at the moment of the request', async () => {
      const runId = await finishedRun(4);
      orphan(runId, 3);
      fake.resetStats();
      const resumed = await callApi<RunSummary>(server, 'resumeRun', { runId });
      expect(resumed).toMatchObject({ status: 'running', pending: 3 });
      await until(() => statusOf(runId) === 'done', 'the resumed run to finish');
      expect(fake.completions).toBe(3);
    }, 60_000);

    it('can be cancelled at the moment of the request', async () => {
      const runId = await finishedRun(4);
      orphan(runId, 2);
      const cancelled = await callApi<RunSummary>(server, 'cancelRun', { runId });
      expect(cancelled).toMatchObject({ status: 'cancelled', ok: 2, cancelled: 2, pending: 0 });
    }, 60_000);

    it('can be approved on what it finished, at the moment of the request', async () => {
      const runId = await finishedRun(4);
      orphan(runId, 2);
      await callApi(server, 'setSetting', { key: 'author', value: { name: 'Ada Lovelace', email: 'ada@example.com' } });
      const approved = await callApi<{ tag: string }>(server, 'approveRun', { runId, message: 'Approve what finished', confirmed: true });
      expect(approved.tag).toMatch(/^approved\/capital-city\/v\d+$/);
      expect(statusOf(runId)).toBe('interrupted');
    }, 60_000);

    it('`workbench cancel` stops a run that `serve` is executing', async () => {
      const started = await callApi<RunSummary>(server, 'startRun', { prompt: 'capital-city', models: ['openai/gpt-4o-mini'], temperatures: [0], samples: 40, cases: ['Japan (easy)'], concurrency: 2, confirmed: true });
      await until(() => [...sampleStatuses(ws, started.runId).values()].filter((status) => status === 'ok').length >= 2, 'two finished samples');
      const cancel = await startWorkbench(['cancel', started.runId, '--workspace', ws], env).done;
      expect(cancel.status).toBe(0);
      // serve executes runs in its core host process, which is the run's owner.
      const host = await coreHostPid(server.child.pid ?? -1);
      expect(cancel.stdout).toMatch(new RegExp(`^Cancelled run ${started.runId}: \\d+ samples done, \\d+ cancelled; resume it with \`workbench resume ${started.runId}\`\\.\nThe process running it \\(pid ${host}\\) stops its calls within a few seconds\\.\n$`));
      // serve notices at its next heartbeat and aborts its calls in flight.
      await until(() => fake.inFlight === 0, 'serve to abort its calls', 10_000);
      const detail = await callApi<{ summary: RunSummary }>(server, 'getRun', { runId: started.runId });
      expect(detail.summary).toMatchObject({ status: 'cancelled', pending: 0 });
      expect(detail.summary.ok + detail.summary.cancelled).toBe(40);
    }, 60_000);
  });
});

describe('`workbench cancel` of a run executing in another `workbench run`', () => {
  it('stops it there within seconds, keeps what finished, and drops late answers', async () => {
    fake.resetStats();
    const running = startWorkbench(['run', ...runArgs(60), '--concurrency', '2', '--json', '--workspace', ws], env);
    await until(() => /Run (\S+) started/.test(running.stderr), 'the run to start');
    const runId = /Run (\S+) started/.exec(running.stderr)?.[1] ?? '';
    await until(() => [...sampleStatuses(ws, runId).values()].filter((status) => status === 'ok').length >= 4, 'four finished samples');

    const cancel = await startWorkbench(['cancel', runId, '--workspace', ws], env).done;
    const atCancel = sampleStatuses(ws, runId);
    expect(cancel.stderr).toBe('');
    expect(cancel.status).toBe(0);
    const [, done, cancelled] = /: (\d+) samples done, (\d+) cancelled;/.exec(cancel.stdout) ?? [];
    expect(Number(done) + Number(cancelled)).toBe(60);
    expect(Number(done)).toBeGreaterThanOrEqual(4);
    expect(cancel.stdout).toContain(`resume it with \`workbench resume ${runId}\``);
    expect(cancel.stdout).toContain(`The process running it (pid ${running.child.pid}) stops its calls within a few seconds.`);

    // The run's own process notices, aborts its calls, and ends: exit 1, a run that did not finish.
    const result = await running.done;
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`Run ${runId} cancelled: \\d+ of 60 samples done\\. Finish it with \`workbench resume ${runId}\``));
    expect(JSON.parse(result.stdout)).toMatchObject({ runId, status: 'cancelled' });
    expect(fake.inFlight).toBe(0);
    // Answers that came back after the cancel did not overwrite a cancelled sample.
    const after = sampleStatuses(ws, runId);
    for (const [sampleId, status] of atCancel) if (status === 'cancelled') expect(after.get(sampleId)).toBe('cancelled');
    expect([...after.values()].filter((status) => status === 'cancelled')).toHaveLength(Number(cancelled));

    fake.resetStats();
    const resumed = await startWorkbench(['resume', runId, '--json', '--workspace', ws], env).done;
    expect(resumed.status).toBe(0);
    expect(fake.completions).toBe(Number(cancelled));
    expect([...sampleStatuses(ws, runId).values()].every((status) => status === 'ok')).toBe(true);
  }, 90_000);

  it('says so, and changes nothing, for a run that is not running', async () => {
    const runId = await finishedRun(1);
    const cancel = runWorkbench(['cancel', runId, '--workspace', ws], env);
    expect(cancel.status).toBe(0);
    expect(cancel.stdout.trim()).toBe(`Run ${runId} is not running (it is done); nothing to cancel.`);
    expect(runWorkbench(['cancel', 'no-such-run', '--workspace', ws], env)).toMatchObject({ status: 1, stderr: 'workbench: There is no run "no-such-run"; it may have been deleted.\n' });
    expect(runWorkbench(['cancel', '--help'], env).stdout).toMatch(/^Cancel a running run.*\n\nUsage: workbench cancel <runId>/s);
  }, 60_000);
});
