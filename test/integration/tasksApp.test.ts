// The package export end to end: a plain Node application (test/tasksApp/app.ts) imports
// `prompt-workbench/tasks` (resolved through package.json "exports" to the built dist/tasks), is
// type-checked against the types `workbench types` generates, and calls an approved prompt
// against the fake OpenAI server.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tagApproval } from '../../electron/core/workspace/approvalTags';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { repoRoot, runWorkbench } from '../support/workbenchCli';

const appDir = path.join(repoRoot, 'test', 'tasksApp');
const bundle = path.join(repoRoot, 'dist', 'tasks', 'tasks.js');

let root: string;
let ws: string;
let openai: FakeProvider;

/** Builds the package export unless dist/tasks is newer than every source it is made from. */
function ensureBundle(): void {
  const newest = Math.max(...['electron/core', 'shared', 'types'].flatMap((dir) => newestMtimes(path.join(repoRoot, dir))));
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= newest) return;
  const built = spawnSync(process.execPath, ['scripts/build-electron.js', 'tasks'], { cwd: repoRoot, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}

function newestMtimes(dir: string): number[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => fs.statSync(path.join(dir, file)).mtimeMs);
}

function runApp(env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(appDir, 'app.ts'), ws], { cwd: appDir, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

beforeAll(async () => {
  ensureBundle();
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  const file = path.join(ws, 'prompts', 'ticket-triage.prompt');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('model: ollama/llama3.2', 'model: openai/gpt-4o-mini').replace('You triage', 'APPROVED. You triage'));
  gitCli(ws, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-am', 'Triage on OpenAI');
  await tagApproval(ws, 'ticket-triage', gitCli(ws, 'rev-parse', 'HEAD').trim(), { name: 'T', email: 't@example.com' }, 'Approve\n');
  // The application's second call (subject "x") gets an answer that is not JSON.
  openai = await startFakeProvider({ kind: 'openai', apiKey: 'sk-app', script: ({ user }) => (user.includes('Subject: x') ? 'no idea' : undefined) });
});

afterAll(async () => {
  await openai?.close();
  removeDir(root);
  fs.rmSync(path.join(appDir, 'generated'), { recursive: true, force: true });
});

it('type-checks against the generated types and calls the approved prompt through the package export', async () => {
  fs.mkdirSync(path.join(appDir, 'generated'), { recursive: true });
  const types = runWorkbench(['types', '--workspace', ws, '--out', path.join(appDir, 'generated', 'prompts.d.ts')]);
  expect(types.status, types.stderr).toBe(0);
  expect(fs.readFileSync(path.join(appDir, 'generated', 'prompts.d.ts'), 'utf8')).toContain('from approved/ticket-triage/v1');

  const typecheck = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(appDir, 'tsconfig.json')], { cwd: repoRoot, encoding: 'utf8' });
  expect(typecheck.status, typecheck.stdout + typecheck.stderr).toBe(0);

  const result = await runApp({ OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-app', HOME: root });
  expect(result.status, result.stderr).toBe(0);
  const printed = JSON.parse(result.stdout) as { intent: string; version: { tag: string }; model: string; schemaFailure: string | null; loadedSqlite: boolean };
  expect(printed).toMatchObject({ version: { tag: 'approved/ticket-triage/v1' }, model: 'openai/gpt-4o-mini', schemaFailure: 'no idea', loadedSqlite: false });
  expect(['billing', 'bug', 'account', 'feature_request', 'other']).toContain(printed.intent);
  const sent = openai.requests.find((request) => request.path === '/v1/chat/completions')?.body as { messages: { content: string }[] };
  expect(sent.messages[0]?.content).toContain('APPROVED. You triage');
}, 180_000);
