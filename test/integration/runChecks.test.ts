// Checks on a real run: a real workspace and database, the core's API, and a fake Ollama whose
// answers the test scripts. Verdicts follow the checks as the files hold them now, with no new
// provider call, and a check that cannot be read is a problem at its line while the others apply.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

let root: string;
let ws: string;
let core: WorkbenchCore;
let ollama: FakeProvider;
let runId: string;

const PROMPT = `---
model: ollama/llama3.2
input:
  schema:
    country: string
metadata:
  workbench:
    checks:
      - name: short
        max-words: 3
---
The capital of {{country}}, in one word.
`;

const cases = (japanChecks: string) => `- name: Japan
  input:
    country: Japan
  expect:
${japanChecks}
- name: France
  input:
    country: France
`;

const writeCases = (japanChecks: string) => fs.writeFileSync(path.join(ws, 'prompts', 'city.cases.yaml'), cases(japanChecks));

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  ollama = await startFakeProvider({ kind: 'ollama' });
  core = await openCore({ workspaceDir: ws, starterDir, create: true, env: { OLLAMA_HOST: ollama.url } });
  fs.writeFileSync(path.join(ws, 'prompts', 'city.prompt'), PROMPT);
  writeCases('    - equals: Tokyo');
  // Japan: Tokyo ×3, a long wrong answer, a refused call; France: Paris ×2.
  ollama.inject(
    { fault: { type: 'reply', text: 'Tokyo' }, times: 3 },
    { fault: { type: 'reply', text: 'It is probably Kyoto, I think' } },
    { fault: { type: 'status', status: 400 } },
    { fault: { type: 'reply', text: 'Paris' }, times: 2 },
  );
  const started = await core.api.startRun(
    api.methods.startRun.input.parse({ prompt: 'city', models: ['ollama/llama3.2'], temperatures: [0], samples: 5, cases: ['Japan'], concurrency: 1, confirmed: true }),
  );
  await core.runs.finished(started.runId);
  runId = started.runId;
});

afterAll(async () => {
  await core.close();
  await ollama.close();
  removeDir(root);
});

describe('runChecks', () => {
  it('gives every finished sample its verdicts, with reasons, and the cell its pass rate', async () => {
    const checks = await core.api.runChecks({ runId, passN: 5 });
    expect(checks.problems).toEqual([]);
    expect(checks.checks.map(({ id, label, case: caseName }) => ({ id, label, case: caseName }))).toEqual([
      { id: 'prompt#1', label: 'short', case: null },
      { id: 'case:Japan#1', label: 'equals "Tokyo"', case: 'Japan' },
    ]);
    expect(checks.cells).toHaveLength(1);
    expect(checks.cells[0]).toMatchObject({ case: 'Japan', passed: 3, total: 5, label: 'flaky', callFailures: 1, undecided: 0 });
    expect(checks.overall).toMatchObject({ passed: 3, total: 5, rate: 0.6 });
    const failed = checks.samples.map((sample) => ({ callFailed: sample.callFailed, reasons: sample.failed.map((entry) => `${entry.check}: ${entry.reason}`) }));
    expect(failed).toContainEqual({ callFailed: false, reasons: ['prompt#1: 6 words, more than 3', 'case:Japan#1: expected "Tokyo", got "It is probably Kyoto, I think"'] });
    const call = failed.find((entry) => entry.callFailed);
    expect(call?.reasons).toHaveLength(2);
    expect(call?.reasons[0]).toMatch(/^prompt#1: the call failed: /);
  });

  it('re-evaluates stored outputs when a check is edited, with no provider call', async () => {
    const before = await core.api.runChecks({ runId });
    const requests = ollama.requests.length;
    writeCases('    - contains-any: [Tokyo, Kyoto]\n    - regex: "^[A-Z][a-z]+$"');
    const after = await core.api.runChecks({ runId });
    expect(after.checksHash).not.toBe(before.checksHash);
    // The Kyoto answer is still too long for the prompt-wide check; only the failed call fails both.
    expect(after.cells[0]).toMatchObject({ passed: 3, total: 5 });
    const kyoto = after.samples.find((sample) => !sample.callFailed);
    expect(kyoto?.failed.map((entry) => `${entry.check}: ${entry.reason}`)).toEqual(['prompt#1: 6 words, more than 3', 'case:Japan#2: does not match /^[A-Z][a-z]+$/']);
    expect(ollama.requests.length).toBe(requests);
    // The verdicts were kept under the new hash: asking again evaluates nothing new.
    const stored = core.database.verdicts.forRun(runId, after.checksHash);
    expect([...stored.values()].every((entry) => entry.checksHash === after.checksHash)).toBe(true);
    expect(stored.size).toBe(5);
    expect(core.database.verdicts.forRun(runId, before.checksHash).size).toBe(0);
  });

  it('reads kept verdicts back while the checks and the sample are unchanged', async () => {
    const { checksHash } = await core.api.runChecks({ runId });
    const [sampleId] = [...core.database.verdicts.forRun(runId, checksHash).keys()];
    core.database.verdicts.save(checksHash, [{ sampleId: sampleId!, finishedAt: 'another finish', verdicts: [{ check: 'prompt#1', passed: false, reason: 'kept' }] }]);
    // The sample's finish time differs from the kept one: evaluated afresh.
    expect((await core.api.runChecks({ runId })).samples.some((sample) => sample.failed.some((entry) => entry.reason === 'kept'))).toBe(false);
    const finishedAt = (await core.api.getRun({ runId })).samples.find((sample) => sample.sampleId === sampleId)!.finishedAt;
    core.database.verdicts.save(checksHash, [{ sampleId: sampleId!, finishedAt, verdicts: [{ check: 'prompt#1', passed: false, reason: 'kept' }] }]);
    expect((await core.api.runChecks({ runId })).samples.some((sample) => sample.failed.some((entry) => entry.reason === 'kept'))).toBe(true);
    core.database.verdicts.save(checksHash, [{ sampleId: sampleId!, finishedAt: 'reset', verdicts: [] }]);
  });

  it('lists every applicable verdict for one sample', async () => {
    const detail = await core.api.getRun({ runId });
    const wrong = detail.samples.find((sample) => sample.output?.includes('Kyoto'));
    const verdicts = await core.api.sampleChecks({ sampleId: wrong!.sampleId });
    expect(verdicts.verdicts).toEqual([
      { check: 'prompt#1', passed: false, reason: '6 words, more than 3' },
      { check: 'case:Japan#1', passed: true, reason: 'contains "Kyoto"' },
      { check: 'case:Japan#2', passed: false, reason: 'does not match /^[A-Z][a-z]+$/' },
    ]);
  });

  it('reports a check it cannot read at its line, and still applies the others', async () => {
    writeCases('    - contains-any: [Tokyo]\n    - json-path: intent\n      equals: x');
    const checks = await core.api.runChecks({ runId });
    expect(checks.problems).toEqual([
      { file: 'prompts/city.cases.yaml', line: 6, column: 7, message: expect.stringMatching(/^Case "Japan", check 2: `json-path` takes a path from the output's root/) },
    ]);
    expect(checks.checks.map((check) => check.id)).toEqual(['prompt#1', 'case:Japan#1']);
    expect(checks.cells[0]).toMatchObject({ passed: 3, total: 5 });
  });

  it('holds outputs to the output schema written in Picoschema, converted to JSON Schema', async () => {
    fs.writeFileSync(
      path.join(ws, 'prompts', 'triage.prompt'),
      '---\nmodel: ollama/llama3.2\noutput:\n  format: json\n  schema:\n    intent(enum): [billing, bug]\n    confidence: number\nmetadata:\n  workbench:\n    checks:\n      - json\n---\nTriage this.\n',
    );
    ollama.clearFaults();
    ollama.inject(
      { fault: { type: 'reply', text: '{"intent":"billing","confidence":0.9}' } },
      { fault: { type: 'reply', text: '{"intent":"refund","confidence":0.9}' } },
      { fault: { type: 'reply', text: '{"topic":"billing"}' } },
    );
    const started = await core.api.startRun(
      api.methods.startRun.input.parse({ prompt: 'triage', models: ['ollama/llama3.2'], temperatures: [0], samples: 3, concurrency: 1, stream: false, confirmed: true }),
    );
    await core.runs.finished(started.runId);
    const checks = await core.api.runChecks({ runId: started.runId });
    expect(checks.overall).toMatchObject({ passed: 1, total: 3 });
    expect(checks.samples.flatMap((sample) => sample.failed.map((entry) => entry.reason))).toEqual([
      'JSON, but it does not fit the output schema',
      'JSON, but it does not fit the output schema',
    ]);
  });
});
