// The runs the sampling benchmark makes, each watched from outside: a fake OpenAI-compatible server
// in its own process, one `workbench run` as a whole process, or runs one after another in one
// `workbench serve`. Every run samples one prompt: 4 temperatures × CASES cases × N repeats.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { callApi } from '../support/serveApi';
import { bin, repoRoot, runWorkbench, serveWorkbench } from '../support/workbenchCli';
import { watchSteal } from './hostSteal';
import { processPeaks, residentMb, type ProcessPeaks } from './processPeaks';

export const CASES = 5;
export const TEMPERATURES = [0, 0.5, 1, 1.5];
export const SYSTEM_MESSAGE = 'Answer in one sentence.';
/** The user message, as a template of both Dotprompt and promptfoo (Handlebars and Nunjucks agree on it). */
export const USER_TEMPLATE = 'Tell me about {{topic}}.';
export const caseTopic = (index: number) => `topic number ${index + 1}`;

export interface RunFigures {
  ok: number;
  total: number;
  /** The run's own duration, from its creation to its last sample (from the database). */
  runSeconds: number;
  /** The whole command, start-up included (for serve: the API call until the run is done). */
  wallSeconds: number;
  /** The process's peaks; for serve, the serving process's over all its runs. */
  peaks: ProcessPeaks;
  /** The serving process's resident memory once the run is done (serve only). */
  rssAfterMb?: number;
  /** Share of the machine's CPU time its host took away during the run (see hostSteal.ts). */
  steal: number;
}

/** The figures are of the bundled command line (as people run it): build it from the sources first. */
export function buildCli(): void {
  const built = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.js'), 'cli'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
}

/** A fake OpenAI-compatible server in its own process (fakeServerProcess.ts); its URL ends in /v1. */
export async function startFakeServer(latencyMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test/bench/fakeServerProcess.ts'), String(latencyMs)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`the fake server exited with ${code}`)));
  });
  return { url, child };
}

/** A fresh workspace under `root` with the prompt `bench` (openai/gpt-4o-mini, input `topic`) and its cases. */
export function makeWorkspace(root: string, name: string): string {
  const workspace = path.join(root, name);
  const init = runWorkbench(['init', '--workspace', workspace]);
  if (init.status !== 0) throw new Error(`workbench init failed: ${init.stderr}`);
  const prompts = path.join(workspace, 'prompts');
  const prompt = `---\nmodel: openai/gpt-4o-mini\ninput:\n  schema:\n    topic: string\n---\n{{role "system"}}\n${SYSTEM_MESSAGE}\n{{role "user"}}\n${USER_TEMPLATE}\n`;
  fs.writeFileSync(path.join(prompts, 'bench.prompt'), prompt);
  const cases = Array.from({ length: CASES }, (_, i) => `- name: case-${i + 1}\n  input: { topic: ${caseTopic(i)} }\n`).join('');
  fs.writeFileSync(path.join(prompts, 'bench.cases.yaml'), cases);
  return workspace;
}

const providerEnv = (serverUrl: string) => ({ ...process.env, OPENAI_BASE_URL: serverUrl, OPENAI_API_KEY: 'sk-bench' });

/** One `workbench run` of `repeats` per cell in a fresh workspace, as a person starts it (node bin/workbench.js). */
export async function runCommand(root: string, serverUrl: string, repeats: number, concurrency: number, stream: boolean): Promise<RunFigures> {
  const workspace = makeWorkspace(root, `ws-${fs.readdirSync(root).length}`);
  const args = ['run', 'bench', '--workspace', workspace, '-m', 'openai/gpt-4o-mini', '-t', TEMPERATURES.join(','), '-n', String(repeats)];
  args.push('--concurrency', String(concurrency), '--yes', '--json', ...(stream ? [] : ['--no-stream']));
  const started = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: providerEnv(serverUrl), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const watching = processPeaks(child);
  const stolen = watchSteal();
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallSeconds = (performance.now() - started) / 1000;
  const peaks = watching.stop();
  const steal = stolen.stop();
  if (code !== 0) throw new Error(`workbench run exited with ${code}: ${stderr.slice(-500)}`);
  return { ...runTiming(workspace), wallSeconds, peaks, steal };
}

/** `runs` runs of `repeats` per cell, one after another in one `workbench serve`, started over its HTTP API. */
export async function serveRuns(root: string, serverUrl: string, runs: number, repeats: number, stream: boolean): Promise<RunFigures[]> {
  const workspace = makeWorkspace(root, `serve-${fs.readdirSync(root).length}`);
  const server = await serveWorkbench(workspace, ['--port', '0'], providerEnv(serverUrl));
  const watching = processPeaks(server.child);
  const figures: RunFigures[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const stolen = watchSteal();
      const request = { prompt: 'bench', models: ['openai/gpt-4o-mini'], temperatures: TEMPERATURES, samples: repeats, concurrency: 16, stream, confirmed: true };
      const { runId } = await callApi<{ runId: string }>(server, 'startRun', request);
      // Summaries only: a whole run's detail is megabytes, and asking for it would slow the run down.
      while ((await callApi<{ runId: string; status: string }[]>(server, 'listRuns', { prompt: 'bench' })).find((run) => run.runId === runId)?.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const wallSeconds = (performance.now() - started) / 1000;
      const rssAfterMb = residentMb(server.child.pid);
      figures.push({ ...runTiming(workspace, runId), wallSeconds, rssAfterMb, steal: stolen.stop(), peaks: { rssMb: Number.NaN, cpuSeconds: Number.NaN } });
    }
  } finally {
    await server.stop();
  }
  const peaks = watching.stop();
  return figures.map((run) => ({ ...run, peaks }));
}

/** The newest run's sample counts and its own duration (creation to last sample), from the database. */
function runTiming(workspace: string, runId?: string): { ok: number; total: number; runSeconds: number } {
  const db = new Database(path.join(workspace, '.workbench', 'workbench.db'), { readonly: true });
  try {
    const run = db
      .prepare(`SELECT id, created_at AS createdAt, finished_at AS finishedAt FROM runs ${runId ? 'WHERE id = ?' : 'ORDER BY created_at DESC LIMIT 1'}`)
      .get(...(runId ? [runId] : [])) as { id: string; createdAt: string; finishedAt: string };
    const counts = db.prepare("SELECT count(*) AS total, sum(status = 'ok') AS ok FROM samples WHERE run_id = ?").get(run.id) as { total: number; ok: number };
    return { ...counts, runSeconds: (Date.parse(run.finishedAt) - Date.parse(run.createdAt)) / 1000 };
  } finally {
    db.close();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
