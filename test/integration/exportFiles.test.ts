// A run written out through the contract: the samples as CSV or JSON lines (the CLI's export and
// the app's Export menu are this one method), and saved as files in the exports folder, never over
// another file, with money rounded as everywhere the app writes it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { parseCsv } from '../support/csvParse';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

let root: string;
let home: string;
let core: WorkbenchCore;
let openai: FakeProvider;
let runId: string;

beforeAll(async () => {
  root = makeTempDir();
  home = path.join(root, 'home');
  fs.mkdirSync(home);
  openai = await startFakeProvider({ kind: 'openai' });
  core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir, create: true, home, env: { OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-export' } });
  const started = await core.api.startRun(
    api.methods.startRun.input.parse({ prompt: 'capital-city', models: ['openai/gpt-4o-mini'], temperatures: [0], cases: ['Japan (easy)'], samples: 3, confirmed: true }),
  );
  await core.runs.finished(started.runId);
  runId = started.runId;
  // The fake answers in sentences; one right answer, before any check has looked at the run.
  const [first] = (await core.api.getRun({ runId })).samples;
  core.database.connection.prepare('UPDATE samples SET output = ? WHERE id = ?').run('Tokyo', first?.sampleId);
});

afterAll(async () => {
  await core.close();
  await openai.close();
  removeDir(root);
});

describe('exporting a run', () => {
  it('gives its samples as CSV and JSON lines, with costs rounded to ten significant digits', async () => {
    // A cost as an older version stored it, with the float noise of a price times tokens.
    const [first] = (await core.api.getRun({ runId })).samples;
    core.database.connection.prepare('UPDATE samples SET cost_usd = ? WHERE id = ?').run(0.000020399999999999998, first?.sampleId);

    const jsonl = await core.api.exportRun({ runId, format: 'jsonl' });
    expect(jsonl).toMatchObject({ fileName: `capital-city-run-${runId}.jsonl`, samples: 3 });
    const lines = jsonl.text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('"costUsd":0.0000204,');
    expect(jsonl.text).not.toMatch(/\d{12,}/);

    const csv = await core.api.exportRun({ runId, format: 'csv' });
    expect(csv.text.split('\r\n')[0]).toBe('runId,sampleId,model,temperature,case,index,status,output,error,inputTokens,outputTokens,latencyMs,costUsd,rating,note,passed,failedChecks');
    expect(csv.text).toContain(',0.0000204,');
    // The run's total is a sum of small amounts: rounded too.
    const summary = (await core.api.getRun({ runId })).summary;
    expect(summary.costUsd).toBe(Number(summary.costUsd?.toPrecision(10)));
  });

  it("carries every check's verdict on every sample: all of them in JSON lines, passed and the failed checks' names in CSV", async () => {
    const jsonl = await core.api.exportRun({ runId, format: 'jsonl' });
    const lines = jsonl.text.split('\n').map((line) => JSON.parse(line) as { sampleId: string; output: string; passed: boolean | null; failedChecks: string | null; checks: unknown[] });
    const right = lines.find((line) => line.output === 'Tokyo');
    expect(right).toMatchObject({
      passed: true,
      failedChecks: null,
      checks: [
        { check: 'prompt#1', label: "just the city's name", passed: true, reason: '1 word' },
        { check: 'case:Japan (easy)#1', label: 'equals "Tokyo"', passed: true, reason: 'is "Tokyo"' },
      ],
    });
    const wrong = lines.filter((line) => line !== right);
    expect(wrong).toHaveLength(2);
    for (const line of wrong) {
      expect(line).toMatchObject({ passed: false, failedChecks: expect.stringContaining('equals "Tokyo"') });
      expect(line.checks).toContainEqual({ check: 'case:Japan (easy)#1', label: 'equals "Tokyo"', passed: false, reason: expect.stringMatching(/^expected "Tokyo", got "/) });
    }

    const csv = await core.api.exportRun({ runId, format: 'csv' });
    const [header, ...rows] = parseCsv(csv.text);
    const column = (name: string) => rows.map((row) => row[header?.indexOf(name) ?? -1]);
    expect(column('passed').sort()).toEqual(['false', 'false', 'true']);
    expect(column('failedChecks').filter((cell) => cell !== '')).toEqual(wrong.map((line) => line.failedChecks));
    expect(column('failedChecks')).toContain('');
  });

  it('leaves passed and failedChecks empty for a prompt with no checks', async () => {
    const file = path.join(core.workspace.promptsDir, 'capital-city.prompt');
    const cases = path.join(core.workspace.promptsDir, 'capital-city.cases.yaml');
    const [source, casesSource] = [fs.readFileSync(file, 'utf8'), fs.readFileSync(cases, 'utf8')];
    fs.writeFileSync(file, source.replace(/ {4}checks:\n(?: {6}.*\n)+/, ''));
    fs.writeFileSync(cases, casesSource.replace(/ {2}expect:\n(?: {4}.*\n)+/g, ''));
    try {
      const lines = (await core.api.exportRun({ runId, format: 'jsonl' })).text.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.map((line) => [line.passed, line.failedChecks, line.checks])).toEqual(lines.map(() => [null, null, []]));
    } finally {
      fs.writeFileSync(file, source);
      fs.writeFileSync(cases, casesSource);
    }
  });

  it('saves the samples and the report in the exports folder, never over another file', async () => {
    // No Downloads folder in this home: the workspace's own exports folder.
    const fallback = await core.api.saveRunFile({ runId, format: 'csv' });
    expect(fallback.folder).toBe(path.join(root, 'ws', '.workbench', 'exports'));
    expect(fallback.what).toBe('3 samples as CSV');

    fs.mkdirSync(path.join(home, 'Downloads'));
    const csv = await core.api.saveRunFile({ runId, format: 'csv' });
    const again = await core.api.saveRunFile({ runId, format: 'csv' });
    expect(csv.path).toBe(path.join(home, 'Downloads', `capital-city-run-${runId}.csv`));
    expect(again.fileName).toBe(`capital-city-run-${runId} (2).csv`);
    expect(fs.readFileSync(csv.path, 'utf8')).toBe(`${(await core.api.exportRun({ runId, format: 'csv' })).text}\n`);
    expect(fs.statSync(again.path).size).toBe(again.bytes);

    const report = await core.api.saveRunFile({ runId, format: 'html' });
    expect(report).toMatchObject({ what: 'the report', fileName: `capital-city-run-${runId}.html` });
    expect(fs.readFileSync(report.path, 'utf8')).toContain('<html');
    await expect(core.api.saveRunFile({ runId: 'no-such-run', format: 'jsonl' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
