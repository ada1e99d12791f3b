// The starters' checks: every starter's checks read with no problem, and the ones a new user sees
// first (ticket-triage) give a mix against the fake providers (flaky cells beside failing ones),
// so a run shows what pass rates look like rather than a wall of failures.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { readPromptChecks } from '../../electron/core/checks/promptChecks';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { parsePromptFile } from '../../electron/core/workspace/promptFile';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

const starters = fs
  .readdirSync(starterDir)
  .filter((name) => name.endsWith('.prompt'))
  .map((name) => name.slice(0, -'.prompt'.length))
  .sort();

function starterChecks(name: string) {
  const promptFile = `${name}.prompt`;
  const casesFile = `${name}.cases.yaml`;
  const source = fs.readFileSync(path.join(starterDir, promptFile), 'utf8');
  const casesPath = path.join(starterDir, casesFile);
  const casesSource = fs.existsSync(casesPath) ? fs.readFileSync(casesPath, 'utf8') : undefined;
  return readPromptChecks({ promptFile, source, casesFile, casesSource, outputSchema: parsePromptFile(promptFile, source).outputSchema });
}

describe("the starters' checks", () => {
  for (const name of starters) {
    it(`${name}: every check reads with no problem`, () => {
      expect(starterChecks(name).problems).toEqual([]);
    });
  }

  it('ticket-triage, extract-contacts and capital-city check every case', () => {
    for (const name of ['ticket-triage', 'extract-contacts', 'capital-city']) {
      const { checks } = starterChecks(name);
      const cases = new Set(checks.map((check) => check.case).filter((name) => name !== null));
      expect(cases.size, name).toBeGreaterThanOrEqual(4);
    }
    const triage = starterChecks('ticket-triage').checks.map((check) => check.spec);
    expect(triage).toEqual(
      expect.arrayContaining([
        { kind: 'json-path', path: '$.intent', equals: 'billing' },
        { kind: 'json-path', path: '$.escalate', equals: true },
        { kind: 'json-path', path: '$.confidence', min: 0.7 },
        { kind: 'json-path', path: '$.intent', in: ['other', 'bug'] },
      ]),
    );
  });
});

describe('ticket-triage against the fake providers', () => {
  let root: string;
  let core: WorkbenchCore;
  let ollama: FakeProvider;
  let openai: FakeProvider;

  beforeAll(async () => {
    root = makeTempDir();
    ollama = await startFakeProvider({ kind: 'ollama', record: false });
    openai = await startFakeProvider({ kind: 'openai', apiKey: 'sk-starter-checks', record: false });
    core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir, create: true, env: { OLLAMA_HOST: ollama.url, OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-starter-checks' } });
  });

  afterAll(async () => {
    await core?.close();
    await ollama?.close();
    await openai?.close();
    removeDir(root);
  });

  it('gives flaky cells and failing ones, not a wall of failures, with reasons that name the fields', { timeout: 60_000 }, async () => {
    const started = await core.api.startRun(
      api.methods.startRun.input.parse({ prompt: 'ticket-triage', models: ['ollama/llama3.2', 'openai/gpt-4o-mini'], temperatures: [0.7, 1], samples: 10, confirmed: true }),
    );
    await core.runs.finished(started.runId);
    const checked = await core.api.runChecks(api.methods.runChecks.input.parse({ runId: started.runId }));
    expect(checked.problems).toEqual([]);
    // The fakes pick an intent from the schema's enum and escalate at random, as a poor model would.
    const labels = checked.cells.map((cell) => cell.label);
    expect(labels).toContain('flaky');
    expect(labels).toContain('stable fail');
    expect(checked.overall.total).toBe(2 * 2 * 5 * 10);
    expect(checked.overall.passed).toBeGreaterThan(0);
    expect(checked.overall.passed).toBeLessThan(checked.overall.total);
    const reasons = checked.samples.flatMap((sample) => sample.failed.map((failure) => failure.reason));
    expect(reasons.some((reason) => /^expected \$\.(intent|escalate) /.test(reason))).toBe(true);
  });
});
