// The sampling engine as people run it: the real `workbench run` (bin/workbench.js started as a
// program, so its shebang flags apply, running the bundled CLI), each run a fresh process:
// 1. throughput and memory: 5,000 samples (4 temperatures × 5 cases × 250) against a zero-latency
//    local OpenAI-compatible server, every sample persisted to SQLite; plain JSON answers (as
//    promptfoo's reference figure) and streamed ones (the app's default, recording time to first token);
// 2. scheduling: 400 samples at 200 ms server latency with 8 in flight, against the ideal 10 s.
// The rate is the run's own: samples over the time from its creation to its last sample, read
// from the database; the whole command's wall time (start-up included) is printed beside it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { makeTempDir, removeDir } from '../support/tempDir';
import { repoRoot, runWorkbench } from '../support/workbenchCli';
import { processPeaks, type ProcessPeaks } from './processPeaks';

const CASES = 5;
const bin = path.join(repoRoot, 'bin', 'workbench.js');

interface RunFigures {
  ok: number;
  total: number;
  runSeconds: number;
  wallSeconds: number;
  peaks: ProcessPeaks;
}

async function startServer(latencyMs: number): Promise<{ url: string; child: ChildProcess }> {
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

function makeWorkspace(root: string, name: string): string {
  const workspace = path.join(root, name);
  const init = runWorkbench(['init', '--workspace', workspace]);
  if (init.status !== 0) throw new Error(`workbench init failed: ${init.stderr}`);
  const prompts = path.join(workspace, 'prompts');
  fs.writeFileSync(path.join(prompts, 'bench.prompt'), '---\nmodel: openai/gpt-4o-mini\ninput:\n  schema:\n    topic: string\n---\n{{role "system"}}\nAnswer in one sentence.\n{{role "user"}}\nTell me about {{topic}}.\n');
  const cases = Array.from({ length: CASES }, (_, i) => `- name: case-${i + 1}\n  input: { topic: topic number ${i + 1} }\n`).join('');
  fs.writeFileSync(path.join(prompts, 'bench.cases.yaml'), cases);
  return workspace;
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
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const wallSeconds = (performance.now() - started) / 1000;
  const peaks = watching.stop();
  if (code !== 0) throw new Error(`workbench run exited with ${code}: ${stderr.slice(-500)}`);

  const db = new Database(path.join(workspace, '.workbench', 'workbench.db'), { readonly: true });
  try {
    const run = db.prepare('SELECT id, created_at AS createdAt, finished_at AS finishedAt FROM runs').get() as { id: string; createdAt: string; finishedAt: string };
    const counts = db.prepare("SELECT count(*) AS total, sum(status = 'ok') AS ok FROM samples WHERE run_id = ?").get(run.id) as { total: number; ok: number };
    return { ...counts, runSeconds: (Date.parse(run.finishedAt) - Date.parse(run.createdAt)) / 1000, wallSeconds, peaks };
  } finally {
    db.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function describeThroughput(label: string, runs: RunFigures[]): string[] {
  const rates = runs.map((run) => run.ok / run.runSeconds);
  const peaks = runs.map((run) => run.peaks.rssMb);
  const rate = median(rates);
  const worstPeak = Math.max(...peaks);
  const list = (values: number[], unit: string) => values.map((value) => `${Math.round(value).toLocaleString('en')}${unit}`).join(', ');
  const first = runs[0];
  return [
    `runner throughput, ${label}: ${first?.ok.toLocaleString('en')}/${first?.total.toLocaleString('en')} samples ok; median ${Math.round(rate).toLocaleString('en')} samples/s over ${runs.length} runs (${list(rates, '')}) (target ≥ 2,000${rate >= 2000 ? '' : ', MISSED'})`,
    `runner peak RSS, ${label}: worst ${worstPeak.toFixed(0)} MB (${list(peaks, ' MB')}) (target ≤ 150 MB${worstPeak <= 150 ? '' : ', MISSED'})`,
    `  whole command incl. start-up: ${runs.map((run) => `${run.wallSeconds.toFixed(2)} s`).join(', ')}; CPU ${runs.map((run) => `${Math.round((run.peaks.cpuSeconds * 1e6) / run.ok)} µs`).join(', ')} per sample`,
  ];
}

export async function benchRunner(repeats = 5): Promise<string[]> {
  const built = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.js'), 'cli'], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
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
      lines.push(...describeThroughput(stream ? 'streamed (SSE)' : 'JSON answers', runs));
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
