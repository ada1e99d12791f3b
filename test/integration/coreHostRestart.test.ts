// `workbench serve` runs the core in a child process of its own, launched the way the desktop app
// launches its utility process: calls and events cross the process boundary, and a core that dies
// (here: SIGKILL) is started again, the client is told, a call it was answering fails saying so,
// and a run it was executing becomes interrupted and can be resumed. All with real processes.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetail, RunSummary } from '../../shared/runs';
import type { CoreStatus } from '../../shared/workspace';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { childPids, coreHostPid } from '../support/processTree';
import { callApi, postApi } from '../support/serveApi';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, serveWorkbench, type ServeProcess } from '../support/workbenchCli';

interface EventFrame {
  event: string;
  payload: unknown;
}

/** Every event the server pushes, from the moment the socket is open. */
async function listen(server: ServeProcess): Promise<{ frames: EventFrame[]; close(): void }> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/events`, { headers: { authorization: `Bearer ${server.token}`, origin: server.origin } });
  const frames: EventFrame[] = [];
  socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString()) as EventFrame));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { frames, close: () => socket.close() };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A server that accepts connections and never answers: a call to it stays in flight. */
async function silentServer(): Promise<{ url: string; connected: () => number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connected: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('`workbench serve` and its core process', () => {
  let root: string;
  let ws: string;
  let fake: FakeProvider;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  let server: ServeProcess;

  beforeAll(async () => {
    root = makeTempDir('workbench-core-host-');
    ws = path.join(root, 'ws');
    expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
    fake = await startFakeProvider({ kind: 'openai', latencyMs: 150 });
    silent = await silentServer();
    server = await serveWorkbench(ws, ['--port', '0'], { ...process.env, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', OLLAMA_HOST: silent.url });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
    await silent?.close();
    removeDir(root);
  });

  it('answers calls and pushes events from a separate process', async () => {
    const host = await coreHostPid(server.child.pid ?? -1);
    expect(host).not.toBe(server.child.pid);
    const events = await listen(server);
    try {
      const prompts = await callApi<{ name: string }[]>(server, 'listPrompts', {});
      expect(prompts.map((prompt) => prompt.name)).toContain('capital-city');
      await callApi(server, 'setSetting', { key: 'theme', value: 'dark' });
      await until(() => events.frames.some((frame) => frame.event === 'settingsChanged'), 'the settingsChanged event');
      expect(events.frames.find((frame) => frame.event === 'settingsChanged')?.payload).toMatchObject({ theme: 'dark' });
    } finally {
      events.close();
    }
  });

  it('restarts a killed core and says so; the call it was answering fails, its run is interrupted and resumes', async () => {
    const events = await listen(server);
    try {
      const started = await callApi<RunSummary>(server, 'startRun', { prompt: 'capital-city', models: ['openai/gpt-4o-mini'], temperatures: [0], samples: 40, cases: ['Japan (easy)'], concurrency: 2, confirmed: true });
      const okSamples = async () => (await callApi<RunDetail>(server, 'getRun', { runId: started.runId })).summary.ok;
      await until(async () => (await okSamples()) >= 2, 'two finished samples');
      // A call the core is answering when it dies: Ollama's address never answers.
      const inFlight = postApi(server, 'checkProvider', { provider: 'ollama' });
      await until(() => silent.connected() > 0, 'the call to reach the provider');

      const killed = await coreHostPid(server.child.pid ?? -1);
      process.kill(killed, 'SIGKILL');

      const answer = await inFlight;
      expect(answer.status).toBe(503);
      expect(answer.error?.code).toBe('UNAVAILABLE');
      expect(answer.error?.message).toMatch(/^The core process stopped unexpectedly \(ended by SIGKILL\) and is being started again\. It had not answered this request/);
      // Asked while the new core starts: it waits for it rather than failing.
      const duringRestart = callApi<RunDetail>(server, 'getRun', { runId: started.runId });

      await until(() => events.frames.some((frame) => frame.event === 'coreStatus' && (frame.payload as CoreStatus).state === 'restarted'), 'the restarted status', 60_000);
      const statuses = events.frames.filter((frame) => frame.event === 'coreStatus').map((frame) => frame.payload as CoreStatus);
      expect(statuses.map((status) => status.state)).toEqual(['restarting', 'restarted']);
      expect(statuses[1]?.message).toMatch(/stopped unexpectedly \(ended by SIGKILL\) and was started again\. Runs it was executing are interrupted/);
      const restarted = await coreHostPid(server.child.pid ?? -1);
      expect(restarted).not.toBe(killed);
      expect(childPids(server.child.pid ?? -1)).toEqual([restarted]);

      // The dead core's run reads as interrupted (its owner is gone), with what finished kept.
      const interrupted = await duringRestart;
      expect(interrupted.summary.status).toBe('interrupted');
      expect(interrupted.summary.ok).toBeGreaterThanOrEqual(2);
      const resumed = await callApi<RunSummary>(server, 'resumeRun', { runId: started.runId });
      expect(resumed.status).toBe('running');
      await until(async () => (await callApi<RunDetail>(server, 'getRun', { runId: started.runId })).summary.status === 'done', 'the resumed run to finish', 60_000);
      const done = await callApi<RunDetail>(server, 'getRun', { runId: started.runId });
      expect(done.summary).toMatchObject({ status: 'done', ok: 40, pending: 0 });
    } finally {
      events.close();
    }
  }, 120_000);

  it('keeps a key typed into Settings across a restart, in memory only', async () => {
    const key = 'sk-ant-kept-by-the-launcher-0123456789';
    const set = await callApi<{ keySource: string }>(server, 'setProviderKey', { provider: 'anthropic', key });
    expect(set.keySource).toBe('session');
    process.kill(await coreHostPid(server.child.pid ?? -1), 'SIGKILL');
    // Answered by the new core, which got the key from serve when it started.
    await until(async () => (await postApi(server, 'listProviders', {})).ok, 'the restarted core', 60_000);
    const providers = await callApi<{ id: string; keySource: string }[]>(server, 'listProviders', {});
    expect(providers.find((provider) => provider.id === 'anthropic')?.keySource).toBe('session');
    for (const entry of fs.readdirSync(ws, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      expect(fs.readFileSync(file).includes(key), file).toBe(false);
    }
  }, 120_000);
});
