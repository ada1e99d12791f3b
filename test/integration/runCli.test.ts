// `workbench run`, `runs` and `export` as a user or a script calls them, against fake providers
// speaking the real wire formats.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FIELDS, JSONL_FIELDS } from '../../electron/core/report/sampleExport';
import { openCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, starterDir, startWorkbench } from '../support/workbenchCli';

let root: string;
let ws: string;
let openai: FakeProvider;
let ollama: FakeProvider;
let env: NodeJS.ProcessEnv;

const run = (args: string[]) => startWorkbench(['run', 'capital-city', '--workspace', ws, ...args], env).done;

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  openai = await startFakeProvider({ kind: 'openai', apiKey: 'sk-cli-test' });
  ollama = await startFakeProvider({ kind: 'ollama' });
  env = { HOME: root, OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-cli-test', OLLAMA_HOST: ollama.url };
});

afterAll(async () => {
  await openai.close();
  await ollama.close();
  removeDir(root);
});

describe('workbench run', () => {
  it('prints one JSON object with a row per cell and exits 0 when every sample succeeded', async () => {
    const result = await run(['-m', 'openai/gpt-4o-mini', '-m', 'ollama/llama3.2', '-t', '0,1.2', '-n', '6', '--case', 'Japan (easy)', '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { runId: string; cells: { model: string; temperature: number; case: string; ok: number; errors: number; distinct: number }[] };
    expect(report.runId).toMatch(/\S+/);
    expect(report.cells.map((cell) => [cell.model, cell.temperature, cell.ok, cell.errors])).toEqual([
      ['openai/gpt-4o-mini', 0, 6, 0],
      ['openai/gpt-4o-mini', 1.2, 6, 0],
      ['ollama/llama3.2', 0, 6, 0],
      ['ollama/llama3.2', 1.2, 6, 0],
    ]);
    // The fake answers the same at temperature 0 and varies at 1.2, as real models tend to.
    expect(report.cells[0]?.distinct).toBe(1);
    expect(report.cells[1]?.distinct).toBeGreaterThan(1);
    expect(result.stderr).toMatch(/24 calls in 4 cells/);
    expect(result.stderr).toMatch(/24\/24\s+100%/);
  });

  it('exits 1 with the errors counted when samples fail, and says how to see them', async () => {
    openai.inject({ fault: { type: 'status', status: 400 }, times: 2 });
    const result = await run(['-m', 'openai/gpt-4o-mini', '-t', '0', '-n', '5', '--case', 'Japan (easy)', '--json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).cells[0]).toMatchObject({ ok: 3, errors: 2 });
    expect(result.stderr).toMatch(/2 of 5 samples failed/);
  });

  it('refuses configuration mistakes with exit 2 and the reason, before any call', async () => {
    openai.resetStats();
    const unknown = await run(['-m', 'nowhere/model', '-t', '0']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/there is no provider "nowhere"/);
    const temperature = await run(['-m', 'openai/gpt-4o-mini', '-t', '0,abc']);
    expect(temperature.status).toBe(2);
    expect(temperature.stderr).toMatch(/-t takes temperatures/);
    const missing = await startWorkbench(['run', 'no-such-prompt', '--workspace', ws, '-m', 'openai/gpt-4o-mini'], env).done;
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no prompt named "no-such-prompt"/);
    expect(openai.completions).toBe(0);
  });

  it('refuses a run above the cost threshold without a terminal unless --yes', async () => {
    openai.resetStats();
    const args = ['-m', 'openai/gpt-4o', '-t', '0', '-n', '400', '--case', 'Japan (easy)'];
    const refused = await run(args);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/above the \$1\.00 confirmation threshold; add --yes/);
    expect(openai.completions).toBe(0);
    const confirmed = await run([...args, '--yes']);
    expect(confirmed.status).toBe(0);
    expect(openai.completions).toBe(400);
  });

  it('runs a prompt without front matter on the workspace default model, and says what to do without one', async () => {
    fs.writeFileSync(path.join(ws, 'prompts', 'plain.prompt'), 'Name one bird that lives in {{place}}.\n');
    fs.writeFileSync(path.join(ws, 'prompts', 'plain.cases.yaml'), '- name: city\n  input: { place: a city }\n');
    const runPlain = (args: string[] = []) => startWorkbench(['run', 'plain', '--workspace', ws, '-t', '0', '-n', '2', '--json', ...args], env).done;
    const setDefault = async (model: string | null) => {
      const core = await openCore({ workspaceDir: ws, starterDir, create: false, env });
      try {
        await core.api.setSetting({ key: 'defaultModel', value: model });
      } finally {
        await core.close();
      }
    };
    ollama.resetStats();
    const onDefault = await runPlain();
    expect(onDefault.status).toBe(0);
    expect((JSON.parse(onDefault.stdout) as { cells: { model: string; ok: number }[] }).cells).toEqual([expect.objectContaining({ model: 'ollama/llama3.2', ok: 2 })]);
    expect(ollama.completions).toBe(2);

    await setDefault('openai/gpt-4o-mini');
    const onChosenDefault = await runPlain();
    expect(onChosenDefault.status).toBe(0);
    expect((JSON.parse(onChosenDefault.stdout) as { cells: { model: string }[] }).cells.map((cell) => cell.model)).toEqual(['openai/gpt-4o-mini']);
    // The run's own choice wins over the default.
    const chosen = await runPlain(['-m', 'ollama/llama3.2']);
    expect((JSON.parse(chosen.stdout) as { cells: { model: string }[] }).cells.map((cell) => cell.model)).toEqual(['ollama/llama3.2']);

    await setDefault(null);
    const none = await runPlain();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/"plain" names no model and the workspace has no default model; choose one with -m.*or set a default model in the app's Settings/);
  }, 120_000);
});

describe('workbench runs and export', () => {
  it('lists runs newest first as JSON and exports every sample as JSONL and CSV', async () => {
    const listed = runWorkbench(['runs', '--json', '--workspace', ws], env);
    expect(listed.status).toBe(0);
    const runs = JSON.parse(listed.stdout) as { runId: string; prompt: string; status: string; createdAt: string; total: number; ok: number; errors: number }[];
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(runs[0] ?? {})).toEqual(['runId', 'prompt', 'status', 'createdAt', 'total', 'ok', 'errors', 'commit', 'contentHash']);
    expect(runs.map((entry) => entry.createdAt)).toEqual([...runs.map((entry) => entry.createdAt)].sort().reverse());
    const failed = runs.find((entry) => entry.errors === 2);
    expect(failed).toMatchObject({ status: 'done', total: 5, ok: 3 });

    const jsonl = runWorkbench(['export', failed?.runId ?? '', '--format', 'jsonl', '--workspace', ws], env);
    expect(jsonl.status).toBe(0);
    const lines = jsonl.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(Object.keys(rows[0] ?? {})).toEqual([...JSONL_FIELDS]);
    expect(rows.filter((row) => row.status === 'error').map((row) => typeof row.error)).toEqual(['string', 'string']);
    expect(lines.every((line) => !line.includes('\n') && !/": /.test(line))).toBe(true);

    const csv = runWorkbench(['export', failed?.runId ?? '', '--format', 'csv', '--workspace', ws], env);
    expect(csv.status).toBe(0);
    const [header, ...records] = csv.stdout.trim().split('\r\n');
    expect(header).toBe(EXPORT_FIELDS.join(','));
    expect(records).toHaveLength(5);
  });

  it('exports the ratings and notes given in the app', async () => {
    const runs = JSON.parse(runWorkbench(['runs', '--json', '--workspace', ws], env).stdout) as { runId: string; total: number; errors: number }[];
    const runId = runs.find((entry) => entry.errors === 2)?.runId ?? '';
    // Rated the way the app does it: through the core, on the same workspace database.
    const core = await openCore({ workspaceDir: ws, starterDir, create: false, env });
    const note = 'Right, but says "Tokyo, Japan",\nover two lines';
    let rated: string[];
    try {
      rated = (await core.api.getRun({ runId })).samples.filter((sample) => sample.status === 'ok').map((sample) => sample.sampleId).slice(0, 2);
      await core.api.rateSamples({ runId, sampleIds: rated, rating: 4 });
      await core.api.setSampleNote({ runId, sampleId: rated[1] ?? '', note });
    } finally {
      await core.close();
    }

    const jsonl = runWorkbench(['export', runId, '--format', 'jsonl', '--workspace', ws], env);
    expect(jsonl.status).toBe(0);
    const rows = jsonl.stdout.trim().split('\n').map((line) => JSON.parse(line) as { sampleId: string; rating: number | null; note: string | null });
    expect(rows.map((row) => [row.rating, row.note])).toEqual(
      rows.map((row) => (row.sampleId === rated[0] ? [4, null] : row.sampleId === rated[1] ? [4, note] : [null, null])),
    );
    expect(rows.filter((row) => row.rating !== null)).toHaveLength(2);

    const csv = runWorkbench(['export', runId, '--format', 'csv', '--workspace', ws], env);
    expect(csv.status).toBe(0);
    const records = csv.stdout.trim().split('\r\n').slice(1);
    // rating and note, then passed and failedChecks.
    expect(records.find((record) => record.startsWith(`${runId},${rated[0]},`))).toMatch(/,4,,(true|false)?,[^,]*$/);
    expect(records.find((record) => record.startsWith(`${runId},${rated[1]},`))).toMatch(/,4,"Right, but says ""Tokyo, Japan"",\nover two lines",(true|false)?,[^,]*$/);
  });

  it('says what to do for a wrong run id or format', () => {
    const unknown = runWorkbench(['export', 'no-such-run', '--format', 'csv', '--workspace', ws], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no-such-run/);
    const format = runWorkbench(['export', 'x', '--format', 'xml', '--workspace', ws], env);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/--format jsonl or --format csv/);
  });
});
