// What a person can get wrong around the command line (an output path in a folder that does not
// exist, a folder given for a file, an empty value, a full disk, a reader that goes away) ends in
// one line that says what to do: never a stack trace. Real `workbench` processes on a real workspace.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore } from '../../electron/core/core';
import { startFakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { bin, repoRoot, runWorkbench, type CliResult } from '../support/workbenchCli';

let root: string;
let ws: string;
let runId: string;

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  const ollama = await startFakeProvider({ kind: 'ollama' });
  const core = await openCore({ workspaceDir: ws, starterDir: path.join(ws, 'prompts'), create: false, env: { OLLAMA_HOST: ollama.url } });
  try {
    const started = await core.api.startRun(api.methods.startRun.input.parse({ prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0], samples: 3, confirmed: true }));
    runId = started.runId;
    await core.runs.finished(runId);
  } finally {
    await core.close();
    await ollama.close();
  }
}, 60_000);

afterAll(() => removeDir(root));

/** Exit 1 (or `status`) with exactly one line on stderr matching `message`, and no stack. */
function expectOneLine(result: CliResult, message: RegExp, status = 1): void {
  expect(result.status, result.stderr).toBe(status);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/unexpected failure/);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(message);
}

const exportTo = (output: string) => runWorkbench(['export', runId, '--format', 'csv', '--output', output, '--workspace', ws]);

describe('export --output and report -o', () => {
  it('name the folder that does not exist, and write nothing', () => {
    const missing = path.join(root, 'no-such-folder');
    expectOneLine(exportTo(path.join(missing, 'out.csv')), new RegExp(`the folder ${missing} does not exist\\. Create it first, or choose another place with --output\\.$`));
    expectOneLine(runWorkbench(['report', runId, '-o', path.join(missing, 'r.html'), '--workspace', ws]), /the folder .*no-such-folder does not exist\. Create it first, or choose another place with -o\.$/);
    // A trailing slash means a folder: it is not created as a file of that name.
    expectOneLine(runWorkbench(['report', runId, '-o', `${missing}/`, '--workspace', ws]), /There is no folder .*no-such-folder\. Create it first/);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('say when the name is a folder, or a file stands where a folder should be', () => {
    expectOneLine(exportTo(root), /it is a folder\. Give a file name with --output\.$/);
    const file = path.join(root, 'plain-file');
    fs.writeFileSync(file, 'x');
    expectOneLine(exportTo(path.join(file, 'out.csv')), new RegExp(`${file} is a file, not a folder\\.`));
  });

  it.skipIf(!fs.existsSync('/dev/full'))('say when the disk is full', () => {
    expectOneLine(exportTo('/dev/full'), /Could not write the export to \/dev\/full: the disk is full\. Free some space, or choose another place with --output\.$/);
    expectOneLine(runWorkbench(['report', runId, '-o', '/dev/full', '--workspace', ws]), /the disk is full/);
  });

  it('still write where they are told to', () => {
    const file = path.join(root, 'out.csv');
    const result = exportTo(file);
    expect(result.status).toBe(0);
    expect(fs.readFileSync(file, 'utf8').split('\r\n')[0]).toMatch(/^runId,sampleId,/);
  });
});

describe('empty values', () => {
  it.each([
    [['export', 'x', '--format', 'csv', '--output', ''], /--output needs a value/],
    [['prompts', '--workspace', ''], /--workspace needs a value/],
    [['run', 'capital-city', '-m', 'ollama/x', '-m', '', '-t', '0'], /--model needs a value/],
  ])('are usage errors: %j', (args, message) => {
    expectOneLine(runWorkbench(args), message, 2);
  });
});

describe('output nobody reads', () => {
  it('ends quietly when the reader has gone (a closed pipe), without a stack', async () => {
    const child = spawn(process.execPath, [bin, 'export', runId, '--format', 'jsonl', '--workspace', ws], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  }, 30_000);
});
