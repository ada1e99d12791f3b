// A provider address can carry credentials (http://user:secret@proxy/v1). Provider errors quote the
// address, and errors are stored, exported, reported and printed: the user:password must reach none
// of these. Real runs through the three SDKs against fake servers reached on such addresses, whose
// connections drop so that every sample fails with a message naming the address.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, startWorkbench, type CliResult } from '../support/workbenchCli';

const SECRETS = { openai: 'openai-pass-7f3a91', anthropic: 'anthropic-pass-2b9c44', ollama: 'ollama-pass-5d1e08' };
const USERS = { openai: 'oa-user-x1', anthropic: 'an-user-x2', ollama: 'ol-user-x3' };
const hidden = [...Object.values(SECRETS), ...Object.values(USERS)];

let root: string;
let ws: string;
const fakes: FakeProvider[] = [];

function withCredentials(url: string, kind: keyof typeof SECRETS): string {
  return url.replace('http://', `http://${USERS[kind]}:${SECRETS[kind]}@`);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  for (const kind of ['openai', 'anthropic', 'ollama'] as const) {
    const fake = await startFakeProvider({ kind });
    fake.inject({ fault: { type: 'drop' }, times: Infinity });
    fakes.push(fake);
  }
});

afterAll(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  removeDir(root);
});

describe('credentials in a provider address', () => {
  it('reach neither the database, nor an export, nor the HTML report, nor the command output', async () => {
    const [openai, anthropic, ollama] = fakes as [FakeProvider, FakeProvider, FakeProvider];
    const env = {
      HOME: root,
      OPENAI_BASE_URL: withCredentials(openai.url, 'openai'),
      OPENAI_API_KEY: 'sk-test-0123456789',
      ANTHROPIC_BASE_URL: withCredentials(anthropic.url, 'anthropic'),
      ANTHROPIC_API_KEY: 'sk-ant-test-0123456789',
      OLLAMA_HOST: withCredentials(ollama.url, 'ollama'),
    };
    const models = ['openai/gpt-4o-mini', 'anthropic/claude-haiku-4-5', 'ollama/llama3.2'].flatMap((model) => ['-m', model]);
    const run = await startWorkbench(['run', 'capital-city', '--workspace', ws, ...models, '-t', '0', '-n', '1', '--case', 'Japan (easy)', '--yes', '--json'], env).done;
    expect(run.status, run.stderr).toBe(1);
    const { runId } = JSON.parse(run.stdout) as { runId: string };

    const outputs: CliResult[] = [run];
    for (const format of ['jsonl', 'csv']) outputs.push(runWorkbench(['export', runId, '--format', format, '--workspace', ws], env));
    const reportFile = path.join(root, 'report.html');
    outputs.push(runWorkbench(['report', runId, '-o', reportFile, '--workspace', ws], env));
    outputs.push(runWorkbench(['runs', '--json', '--workspace', ws], env));
    expect(outputs.map((output) => output.status)).toEqual([1, 0, 0, 0, 0]);

    // The errors do name where the call went, without the credentials.
    const errors = (outputs[1]?.stdout ?? '').trim().split('\n').map((line) => (JSON.parse(line) as { error: string }).error);
    expect(errors).toHaveLength(3);
    for (const fake of fakes) expect(errors.some((error) => error.includes(`127.0.0.1:${fake.port}`))).toBe(true);

    const files = [...filesUnder(ws), reportFile];
    for (const secret of hidden) {
      expect(files.filter((file) => fs.readFileSync(file).includes(Buffer.from(secret)))).toEqual([]);
      for (const output of outputs) expect(output.stdout + output.stderr).not.toContain(secret);
    }
  }, 90_000);
});
