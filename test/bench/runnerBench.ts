// The sampling engine as people run it, bin/workbench.js started as a program (so its shebang's
// flags apply) running the bundled CLI:
// 1. throughput and memory of `workbench run`, each run a fresh process: 5,000 samples (4
//    temperatures × 5 cases × 250) against a zero-latency local OpenAI-compatible server, every
//    sample persisted to SQLite; plain JSON answers (as promptfoo's reference figure) and streamed
//    ones (the app's default, recording time to first token). A fresh process spends the first
//    second or two of a run compiling hot code, so:
// 2. the same runs in one long-lived `workbench serve` (the engine as the app holds it), started
//    over its HTTP API after one run that is not counted;
// 3. scheduling: 400 samples at 200 ms server latency with 8 in flight, against the ideal 10 s.
// The rate is the run's own: samples over the time from its creation to its last sample, read
// from the database; the whole command's wall time (start-up included) is printed beside it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { makeTempDir, removeDir } from '../support/tempDir';
import { callApi } from '../support/serveApi';
import { bin, repoRoot, serveWorkbench } from '../support/workbenchCli';
import { buildCli, makeBenchWorkspace as makeWorkspace, startFakeServerProcess as startServer } from './benchServe';
import { watchSteal } from './hostSteal';
import { processPeaks, residentMb, type ProcessPeaks } from './processPeaks';


interface RunFigures {
  /** The serving process's resident memory once the run is done (serve only). */
  rssAfterMb?: number;
  ok: number;
  total: number;
  runSeconds: number;
  wallSeconds: number;
  peaks: ProcessPeaks;
  /** Share of the machine's CPU time its host took away during the run (see hostSteal.ts). */
  steal: number;
}

/** One `workbench run` in a fresh workspace, watched from outside. */
async function runCommand(root: string, serverUrl: string, samples: number, concurrency: number, stream: boolean): Promise<RunFigures> {
  const workspace = makeWorkspace(root, `ws-${fs.readdirSync(root).length}`);
  const args = ['run', 'bench', '--workspace', workspace, '-m', 'openai/gpt-4o-mini', '-t', '0,0.5,1,1.5', '-n', String(samples)];
  args.push('--concurrency', String(concurrency), '--yes', '--json', ...(stream ? [] : ['--no-stream']));
  const started = performance.now();
  const child = spawn(bin, args, {
    cwd: repoRoot,
    env: { ...process.env, OPENAI_BASE_URL: serverUrl, OPENAI_API_KEY: 'sk-bench' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
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

/** Runs in one `workbench serve` process: the first warms it up and is not counted. */
async function serveRuns(root: string, serverUrl: string, repeats: number, stream: boolean): Promise<RunFigures[]> {
  const workspace = makeWorkspace(root, `serve-${fs.readdirSync(root).length}`);
  const server = await serveWorkbench(workspace, ['--port', '0'], { ...process.env, OPENAI_BASE_URL: serverUrl, OPENAI_API_KEY: 'sk-bench' }, true);
  const watching = processPeaks(server.child);
  const figures: RunFigures[] = [];
  try {
    for (let i = 0; i <= repeats; i++) {
      const started = performance.now();
      const stolen = watchSteal();
      const request = { prompt: 'bench', models: ['openai/gpt-4o-mini'], temperatures: [0, 0.5, 1, 1.5], samples: 250, concurrency: 16, stream, confirmed: true };
      const { runId } = await callApi<{ runId: string }>(server, 'startRun', request);
      // Summaries only: a whole run's detail is megabytes, and asking for it would slow the run down.
      while ((await callApi<{ runId: string; status: string }[]>(server, 'listRuns', { prompt: 'bench' })).find((run) => run.runId === runId)?.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const wallSeconds = (performance.now() - started) / 1000;
      const rssAfterMb = residentMb(server.child.pid);
      const steal = stolen.stop();
      if (i > 0) figures.push({ ...runTiming(workspace, runId), wallSeconds, rssAfterMb, steal, peaks: { rssMb: Number.NaN, cpuSeconds: Number.NaN } });
    }
  } finally {
    await server.stop();
  }
  // The process's high-water mark covers every run; it is given to each.
  const peaks = watching.stop();
  return figures.map((run) => ({ ...run, peaks }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function describeThroughput(label: string, runs: RunFigures[], perProcess = true): string[] {
  const rates = runs.map((run) => run.ok / run.runSeconds);
  const peaks = runs.map((run) => run.peaks.rssMb);
  const rate = median(rates);
  const worstPeak = Math.max(...peaks);
  const list = (values: number[], unit: string) => values.map((value) => `${Math.round(value).toLocaleString('en')}${unit}`).join(', ');
  const first = runs[0];
  return [
    `runner throughput, ${label}: ${first?.ok.toLocaleString('en')}/${first?.total.toLocaleString('en')} samples ok; median ${Math.round(rate).toLocaleString('en')} samples/s over ${runs.length} runs (${list(rates, '')}) (target ≥ 2,000${rate >= 2000 ? '' : ', MISSED'})`,
    `runner peak RSS, ${label}: ${perProcess ? `worst ${worstPeak.toFixed(0)} MB (${list(peaks, ' MB')})` : `${worstPeak.toFixed(0)} MB, the serving process's`} (target ≤ 150 MB${worstPeak <= 150 ? '' : ', MISSED'})`,
    perProcess
      ? `  whole command incl. start-up: ${runs.map((run) => `${run.wallSeconds.toFixed(2)} s`).join(', ')}; CPU ${runs.map((run) => `${Math.round((run.peaks.cpuSeconds * 1e6) / run.ok)} µs`).join(', ')} per sample`
      : `  one process, runs one after another; its peak covers them all and the warm-up run; resident after each run: ${list(runs.map((run) => run.rssAfterMb ?? Number.NaN), ' MB')}`,
    `  CPU time the virtual machine's host took away during each run (steal): ${runs.map((run) => (Number.isNaN(run.steal) ? 'unknown' : `${(run.steal * 100).toFixed(1)}%`)).join(', ')}`,
  ];
}

export async function benchRunner(repeats = 5): Promise<string[]> {
  buildCli();
  const root = makeTempDir('workbench-runner-bench-');
  const fast = await startServer(0);
  const slow = await startServer(200);
  try {
    const lines: string[] = [];
    for (const stream of [false, true]) {
      // Not counted: warms the fake server's JIT, which would otherwise slow the first run down.
      await runCommand(root, fast.url, 25, 16, stream);
      const runs: RunFigures[] = [];
      for (let i = 0; i < repeats; i++) runs.push(await runCommand(root, fast.url, 250, 16, stream));
      lines.push(...describeThroughput(`workbench run, ${stream ? 'streamed (SSE)' : 'JSON answers'}`, runs));
    }
    for (const stream of [false, true]) {
      lines.push(...describeThroughput(`workbench serve, ${stream ? 'streamed (SSE)' : 'JSON answers'}`, await serveRuns(root, fast.url, repeats, stream), false));
    }
    const scheduled = await runCommand(root, slow.url, 20, 8, false);
    const ideal = (400 / 8) * 0.2;
    const ratio = scheduled.runSeconds / ideal;
    lines.push(`runner scheduling: 400 samples at 200 ms latency, 8 in flight: ${scheduled.runSeconds.toFixed(2)} s = ${ratio.toFixed(3)} × the ideal ${ideal} s (target ≤ 1.05${ratio <= 1.05 ? '' : ', MISSED'})`);
    return lines;
  } finally {
    fast.child.kill('SIGTERM');
    slow.child.kill('SIGTERM');
    removeDir(root);
  }
}
