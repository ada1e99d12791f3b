// A run written out through the contract: the samples as CSV or JSON lines (the CLI's export and
// the app's Export menu are this one method), and saved as files in the exports folder, never over
// another file, with money rounded as everywhere the app writes it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
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
    expect(csv.text.split('\r\n')[0]).toBe('runId,sampleId,model,temperature,case,index,status,output,error,inputTokens,outputTokens,latencyMs,costUsd,rating,note');
    expect(csv.text).toContain(',0.0000204,');
    // The run's total is a sum of small amounts: rounded too.
    const summary = (await core.api.getRun({ runId })).summary;
    expect(summary.costUsd).toBe(Number(summary.costUsd?.toPrecision(10)));
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
