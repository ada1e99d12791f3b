// The sampling engine end to end in one process: the core's API, the real SDKs, HTTP fake providers
// with injected faults, and a real SQLite database and git workspace in a temp folder.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { ProviderSettings } from '../../shared/providers';
import type { RunProgress, RunRequestInput, Sample } from '../../shared/runs';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

let root: string;
let core: WorkbenchCore;
let openai: FakeProvider;
let ollama: FakeProvider;

const start = (input: Partial<RunRequestInput>) =>
  core.api.startRun(
    api.methods.startRun.input.parse({ prompt: 'capital-city', models: ['openai/gpt-4o-mini'], temperatures: [0.7], samples: 4, cases: ['Japan (easy)'], confirmed: true, ...input }),
  );

beforeAll(async () => {
  root = makeTempDir();
  openai = await startFakeProvider({ kind: 'openai', apiKey: 'sk-engine' });
  ollama = await startFakeProvider({ kind: 'ollama', latencyMs: 20 });
  core = await openCore({
    workspaceDir: path.join(root, 'ws'),
    starterDir,
    create: true,
    env: { OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-engine', OLLAMA_HOST: ollama.url },
  });
});

beforeEach(() => {
  openai.clearFaults();
  openai.resetStats();
  ollama.resetStats();
});

afterAll(async () => {
  await core.close();
  await openai.close();
  await ollama.close();
  removeDir(root);
});

describe('scheduling', () => {
  it('sends one Ollama call at a time by default, and a run may set its own concurrency', async () => {
    const local = await start({ models: ['ollama/llama3.2'], temperatures: [0, 1], samples: 5 });
    expect((await core.runs.finished(local.runId)).ok).toBe(10);
    expect(ollama.maxInFlight).toBe(1);

    const remote = await start({ models: ['ollama/llama3.2'], samples: 9, concurrency: 3 });
    expect((await core.runs.finished(remote.runId)).ok).toBe(9);
    expect(ollama.maxInFlight).toBe(3);
  });

  it('publishes throttled progress and every finished sample, ending with the final count', async () => {
    const progress: RunProgress[] = [];
    const samples: Sample[] = [];
    const stop = core.events.onAny((event, payload) => {
      if (event === 'runProgress') progress.push(payload as RunProgress);
      if (event === 'runSamples') samples.push(...(payload as { samples: Sample[] }).samples);
    });
    const run = await start({ samples: 40, temperatures: [0, 1] });
    await core.runs.finished(run.runId);
    stop();
    const mine = progress.filter((entry) => entry.runId === run.runId);
    expect(mine.at(-1)).toMatchObject({ status: 'done', done: 80, total: 80, ok: 80, errors: 0 });
    expect(mine.length).toBeLessThan(80);
    expect(new Set(samples.filter((sample) => sample.runId === run.runId).map((sample) => sample.sampleId)).size).toBe(80);
  });
});

describe('failures', () => {
  it('retries a 429 after the Retry-After the server asked for, and records the attempts', async () => {
    openai.inject({ fault: { type: 'status', status: 429, retryAfterSeconds: 1 } });
    const run = await start({ samples: 1 });
    const summary = await core.runs.finished(run.runId);
    expect(summary.ok).toBe(1);
    const [sample] = (await core.api.getRun({ runId: run.runId })).samples;
    expect(sample?.attempts).toBe(2);
    const calls = openai.requests.filter((request) => request.path.endsWith('/chat/completions'));
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('records an error that retrying cannot fix, with the provider message, without retrying it', async () => {
    openai.inject({ fault: { type: 'status', status: 400 } });
    const run = await start({ samples: 1 });
    await core.runs.finished(run.runId);
    const [sample] = (await core.api.getRun({ runId: run.runId })).samples;
    expect(sample).toMatchObject({ status: 'error', attempts: 1, error: { code: 'bad_request', status: 400 } });
    expect(openai.completions).toBe(1);
  });

  it('gives a stalled stream up after the per-call timeout and tries again', async () => {
    const providers = ProviderSettings.parse((await core.api.getSettings({})).providers);
    await core.api.setSetting({ key: 'providers', value: { ...providers, timeoutSeconds: 1 } });
    try {
      openai.inject({ fault: { type: 'stall' } });
      const run = await start({ samples: 1 });
      await core.runs.finished(run.runId);
      const [sample] = (await core.api.getRun({ runId: run.runId })).samples;
      expect(sample).toMatchObject({ status: 'ok', attempts: 2 });
    } finally {
      await core.api.setSetting({ key: 'providers', value: providers });
    }
  });

  it('stops early on a rejected key, keeps the rest pending, and resumes once the key is fixed', async () => {
    await core.api.setProviderKey({ provider: 'openai', key: 'sk-wrong' });
    const run = await start({ samples: 20 });
    const stopped = await core.runs.finished(run.runId);
    expect(stopped).toMatchObject({ status: 'interrupted', ok: 0, errors: 0, pending: 20 });
    expect(stopped.stopReason).toMatch(/OpenAI rejected the API key \(401\)/);
    expect(openai.completions).toBeLessThan(20);

    await core.api.setProviderKey({ provider: 'openai', key: null });
    await core.api.resumeRun({ runId: run.runId });
    expect(await core.runs.finished(run.runId)).toMatchObject({ status: 'done', ok: 20, pending: 0 });
  });
});

describe('cancel and resume', () => {
  it('cancels mid-run, keeps what finished, and resumes exactly the rest', async () => {
    const slow = await startFakeProvider({ kind: 'openai', latencyMs: 100 });
    await core.api.setSetting({ key: 'providers', value: { ...ProviderSettings.parse((await core.api.getSettings({})).providers), endpoints: [{ name: 'slow', baseUrl: slow.url, concurrency: 2 }] } });
    try {
      const run = await start({ models: ['slow/gpt-4o-mini'], samples: 30 });
      while ((await core.api.getRun({ runId: run.runId })).summary.ok < 6) await new Promise((resolve) => setTimeout(resolve, 25));
      const cancelled = await core.api.cancelRun({ runId: run.runId });
      expect(cancelled.status).toBe('cancelled');
      const settled = await core.runs.finished(run.runId);
      expect(settled.cancelled).toBeGreaterThan(0);
      const kept = (await core.api.getRun({ runId: run.runId })).samples.filter((sample) => sample.status === 'ok');
      expect(kept.length + settled.cancelled).toBe(30);

      slow.resetStats();
      await core.api.resumeRun({ runId: run.runId });
      expect(await core.runs.finished(run.runId)).toMatchObject({ status: 'done', ok: 30 });
      expect(slow.completions).toBe(settled.cancelled);
      const after = (await core.api.getRun({ runId: run.runId })).samples;
      for (const sample of kept) expect(after.find((entry) => entry.sampleId === sample.sampleId)).toEqual(sample);
    } finally {
      await slow.close();
    }
  });
});
