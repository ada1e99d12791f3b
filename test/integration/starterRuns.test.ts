// Every starter prompt runs as shipped: `workbench run <name> --yes` with its own sweep, against the
// fake providers on their default models (what `npm run fake-providers` serves), completes with no
// failed sample. Cells a provider cannot take are named as not sampled, with the reason, and do not
// fail the run.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, starterDir, startWorkbench } from '../support/workbenchCli';

const KEY = 'sk-starters';
const starters = fs
  .readdirSync(starterDir)
  .filter((name) => name.endsWith('.prompt'))
  .map((name) => name.slice(0, -'.prompt'.length))
  .sort();

interface Report {
  status: string;
  total: number;
  ok: number;
  errors: number;
  cells: { model: string; temperature: number; ok: number; errors: number }[];
  skipped: { model: string; temperature: number; reason: string }[];
}

let root: string;
let ws: string;
let fakes: FakeProvider[];
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  // The fakes' own default models: nothing added for the starters' sake.
  fakes = [
    await startFakeProvider({ kind: 'openai', apiKey: KEY, record: false }),
    await startFakeProvider({ kind: 'anthropic', apiKey: KEY, record: false }),
    await startFakeProvider({ kind: 'ollama', record: false }),
  ];
  const [openai, anthropic, ollama] = fakes as [FakeProvider, FakeProvider, FakeProvider];
  env = { HOME: root, OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: KEY, ANTHROPIC_BASE_URL: anthropic.url, ANTHROPIC_API_KEY: KEY, OLLAMA_HOST: ollama.url };
});

afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  removeDir(root);
});

describe('every starter runs as shipped', () => {
  it('has the six starters', () => {
    expect(starters).toEqual(['capital-city', 'code-review', 'extract-contacts', 'product-description', 'summarize', 'ticket-triage']);
  });

  for (const name of starters) {
    it(`${name}: its default sweep completes with no failed sample and exits 0`, { timeout: 180_000 }, async () => {
      const result = await startWorkbench(['run', name, '--workspace', ws, '--yes', '--json'], env).done;
      expect(result.status, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as Report;
      expect(report).toMatchObject({ status: 'done', errors: 0 });
      expect(report.ok).toBe(report.total);
      expect(report.cells.length).toBeGreaterThan(0);
      // Every model of the sweep answered in at least one cell.
      expect(new Set(report.cells.map((cell) => cell.model.split('/')[0]))).toEqual(new Set(['ollama', 'openai', 'anthropic']));
      // The cells left out are exactly Anthropic's above 1, said before the run starts.
      for (const cell of report.skipped) expect(cell).toMatchObject({ model: expect.stringMatching(/^anthropic\//), reason: 'Anthropic takes 0–1' });
      expect(report.cells.some((cell) => cell.model.startsWith('anthropic/') && cell.temperature > 1)).toBe(false);
      const temperatures = report.skipped.map((cell) => cell.temperature).join(', ');
      if (report.skipped.length > 0) expect(result.stderr).toContain(`Not sampled: anthropic/claude-haiku-4-5 at ${temperatures} (Anthropic takes 0–1)`);
    });
  }

  it('says in the table which cells were not sampled and why', { timeout: 60_000 }, async () => {
    const result = await startWorkbench(['run', 'product-description', '--workspace', ws, '-n', '1', '--case', 'pour-over kettle', '--yes'], env).done;
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Not sampled: anthropic\/claude-haiku-4-5 at 1\.2, 1\.5 \(Anthropic takes 0–1\)$/m);
  });
});
