// API keys never reach the workspace (database, WAL, git, prompt files), the command's output or
// an export: after real runs through the SDKs, including one whose key is rejected.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, startWorkbench } from '../support/workbenchCli';

const ENV_KEY = 'sk-env-secret-4f1c9a7e';
const TYPED_KEY = 'sk-ant-typed-secret-b83d21';
const WRONG_KEY = 'sk-wrong-secret-77aa10';

let root: string;
let ws: string;
let openai: FakeProvider;
let anthropic: FakeProvider;

/** Every file under a folder, as bytes, so a key in any encoding-free form is found. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function holders(secret: string, files: string[]): string[] {
  return files.filter((file) => fs.readFileSync(file).includes(Buffer.from(secret)));
}

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  openai = await startFakeProvider({ kind: 'openai', apiKey: ENV_KEY });
  anthropic = await startFakeProvider({ kind: 'anthropic', apiKey: TYPED_KEY });
});

afterAll(async () => {
  await openai.close();
  await anthropic.close();
  removeDir(root);
});

describe('API keys', () => {
  it('stay out of the database, the workspace, the output and exports', async () => {
    const env = { HOME: root, OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: ENV_KEY };
    const cli = await startWorkbench(['run', 'capital-city', '--workspace', ws, '-m', 'openai/gpt-4o-mini', '-t', '0,0.7', '-n', '3', '--yes', '--json'], env).done;
    expect(cli.status).toBe(0);
    const rejected = await startWorkbench(['run', 'capital-city', '--workspace', ws, '-m', 'openai/gpt-4o-mini', '-t', '0', '-n', '2', '--yes'], { ...env, OPENAI_API_KEY: WRONG_KEY }).done;
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toMatch(/rejected the API key/);

    // A key typed into Settings (kept for the session) and used for a run in the same process.
    const core = await openCore({ workspaceDir: ws, starterDir: path.join(ws, 'prompts'), create: false, env: { ANTHROPIC_BASE_URL: anthropic.url } });
    try {
      const status = await core.api.setProviderKey({ provider: 'anthropic', key: TYPED_KEY });
      expect(status.keySource).toBe('session');
      const run = await core.api.startRun(
        api.methods.startRun.input.parse({ prompt: 'capital-city', models: ['anthropic/claude-haiku-4-5'], temperatures: [0.5], samples: 2, cases: ['Japan (easy)'], confirmed: true }),
      );
      const finished = await core.runs.finished(run.runId);
      expect(finished.ok, JSON.stringify(finished)).toBe(2);
    } finally {
      await core.close();
    }

    const runs = JSON.parse(runWorkbench(['runs', '--json', '--workspace', ws], { HOME: root }).stdout) as { runId: string }[];
    const exports = runs.flatMap((run) => ['jsonl', 'csv'].map((format) => runWorkbench(['export', run.runId, '--format', format, '--workspace', ws], { HOME: root })));
    expect(exports.every((result) => result.status === 0)).toBe(true);

    const files = filesUnder(ws);
    expect(files.some((file) => file.endsWith('workbench.db'))).toBe(true);
    for (const secret of [ENV_KEY, TYPED_KEY, WRONG_KEY]) {
      expect(holders(secret, files)).toEqual([]);
      for (const output of [cli, rejected, ...exports]) {
        expect(output.stdout).not.toContain(secret);
        expect(output.stderr).not.toContain(secret);
      }
    }
  }, 60_000);
});
