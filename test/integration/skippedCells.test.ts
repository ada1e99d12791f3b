// A parameter one provider cannot take leaves out only that provider's cells, never the run: the
// rest is sampled exactly as labelled (no value changed to fit), and the run keeps which cells it
// left out and why. Through the real core, real SQLite and git, and the SDKs against fake servers.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

const KEY = 'sk-skip-test';
let root: string;
let core: WorkbenchCore;
let openai: FakeProvider;
let anthropic: FakeProvider;

const request = (input: Record<string, unknown>) =>
  api.methods.startRun.input.parse({ prompt: 'capital-city', cases: ['Japan (easy)'], samples: 2, confirmed: true, ...input });

beforeAll(async () => {
  root = makeTempDir();
  openai = await startFakeProvider({ kind: 'openai', apiKey: KEY });
  anthropic = await startFakeProvider({ kind: 'anthropic', apiKey: KEY });
  core = await openCore({
    workspaceDir: path.join(root, 'ws'),
    starterDir,
    create: true,
    env: { OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: KEY, ANTHROPIC_BASE_URL: anthropic.url, ANTHROPIC_API_KEY: KEY },
  });
});

afterAll(async () => {
  await core.close();
  await openai.close();
  await anthropic.close();
  removeDir(root);
});

describe('cells a provider cannot take', () => {
  const sweep = { models: ['openai/gpt-4o-mini', 'anthropic/claude-haiku-4-5'], temperatures: [0, 1.5] };

  it('are listed by the estimate, which counts only the calls that will be made', async () => {
    const estimate = await core.api.estimateRun(request(sweep));
    expect(estimate.problems).toEqual([]);
    expect(estimate.skipped).toEqual([{ model: 'anthropic/claude-haiku-4-5', temperature: 1.5, reason: 'Anthropic takes 0–1' }]);
    expect(estimate.calls).toBe(3 * 2);
    expect(estimate.cells).toBe(3);
    expect(estimate.perModel.map((row) => [row.model, row.calls])).toEqual([
      ['openai/gpt-4o-mini', 4],
      ['anthropic/claude-haiku-4-5', 2],
    ]);
  });

  it('are left out of the run, which samples the rest as labelled and completes without a failure', async () => {
    openai.resetStats();
    anthropic.resetStats();
    const started = await core.api.startRun(request(sweep));
    const finished = await core.runs.finished(started.runId);
    expect(finished).toMatchObject({ status: 'done', total: 6, ok: 6, errors: 0 });

    const detail = await core.api.getRun({ runId: started.runId });
    expect(detail.skipped).toEqual([{ model: 'anthropic/claude-haiku-4-5', temperature: 1.5, reason: 'Anthropic takes 0–1' }]);
    expect(detail.samples.filter((sample) => sample.model.startsWith('anthropic/')).map((sample) => sample.temperature)).toEqual([0, 0]);
    // Never clamped: each sample was sent at the temperature it is labelled with.
    for (const sample of detail.samples) {
      expect((await core.api.getSample({ sampleId: sample.sampleId })).params.temperature).toBe(sample.temperature);
    }
    const sent = (fake: FakeProvider) => fake.requests.map((entry) => (entry.body as { temperature?: number }).temperature).sort();
    expect(sent(openai)).toEqual([0, 0, 1.5, 1.5]);
    expect(sent(anthropic)).toEqual([0, 0]);
    // The list keeps what it decided: read back from the database, not worked out again.
    expect((await core.api.getRun({ runId: started.runId })).skipped).toHaveLength(1);
  });

  it('leave out every cell of a provider that takes no seed, and the other providers run', async () => {
    const estimate = await core.api.estimateRun(request({ ...sweep, temperatures: [0, 0.5], seedMode: 'fixed', seed: 7 }));
    expect(estimate.problems).toEqual([]);
    expect(estimate.skipped.map((cell) => [cell.model, cell.temperature, cell.reason])).toEqual([
      ['anthropic/claude-haiku-4-5', 0, 'Anthropic takes no seed'],
      ['anthropic/claude-haiku-4-5', 0.5, 'Anthropic takes no seed'],
    ]);
    expect(estimate.calls).toBe(4);
  });

  it('block the run only when nothing is left to sample', async () => {
    const estimate = await core.api.estimateRun(request({ models: ['anthropic/claude-haiku-4-5'], temperatures: [1.2, 1.5] }));
    expect(estimate.problems).toEqual(['Nothing left to sample: Anthropic takes 0–1. Change the temperatures or the models.']);
    await expect(core.api.startRun(request({ models: ['anthropic/claude-haiku-4-5'], temperatures: [1.2, 1.5] }))).rejects.toThrow(/Nothing left to sample/);
  });
});
