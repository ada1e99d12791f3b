// The sampling engine's speed and memory, in a process of its own (peak RSS is this process's):
// 1. throughput: 5,000 samples (4 temperatures × 5 cases × 250) against a zero-latency local
//    OpenAI-compatible server, every sample persisted to SQLite;
// 2. scheduling: 400 samples at 200 ms server latency with 8 in flight, against the ideal 10 s.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { api } from '../../shared/api';
import { openCore, type WorkbenchCore } from '../../electron/services/core';
import { makeTempDir, removeDir } from '../support/tempDir';
import { repoRoot, starterDir } from '../support/workbenchCli';

const CASES = 5;
const FAST_CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** `--stream` measures the streaming path (what the app does by default, recording time to first token). */
const STREAM = process.argv.includes('--stream');

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

function writeBenchPrompt(core: WorkbenchCore): void {
  const dir = core.workspace.promptsDir;
  fs.writeFileSync(path.join(dir, 'bench.prompt'), '---\nmodel: local/gpt-4o-mini\ninput:\n  schema:\n    topic: string\n---\n{{role "system"}}\nAnswer in one sentence.\n{{role "user"}}\nTell me about {{topic}}.\n');
  const cases = Array.from({ length: CASES }, (_, i) => `- name: case-${i + 1}\n  input: { topic: topic number ${i + 1} }\n`).join('');
  fs.writeFileSync(path.join(dir, 'bench.cases.yaml'), cases);
}

/** User + kernel CPU seconds of a child process so far (Linux /proc), to see how the two cores are shared. */
function childCpuSeconds(child: ChildProcess): number {
  try {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function timedRun(core: WorkbenchCore, samples: number, temperatures: number[], concurrency: number): Promise<{ seconds: number; ok: number; total: number }> {
  const started = performance.now();
  const request = api.methods.startRun.input.parse({ prompt: 'bench', models: ['local/gpt-4o-mini'], temperatures, samples, concurrency, confirmed: true, stream: STREAM });
  const run = await core.api.startRun(request);
  const summary = await core.runs.finished(run.runId);
  return { seconds: (performance.now() - started) / 1000, ok: summary.ok, total: summary.total };
}

async function main(): Promise<void> {
  const root = makeTempDir('workbench-runner-bench-');
  const fast = await startServer(0);
  const slow = await startServer(200);
  let core: WorkbenchCore | undefined;
  try {
    core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir, create: true, env: {} });
    writeBenchPrompt(core);
    const endpoint = (name: string, baseUrl: string, concurrency: number) => ({ name, baseUrl, concurrency });

    await core.api.setSetting({ key: 'providers', value: { ollamaHost: null, openaiBaseUrl: null, anthropicBaseUrl: null, endpoints: [endpoint('local', fast.url, FAST_CONCURRENCY)], concurrency: {}, timeoutSeconds: 60 } });
    // Warm-up (1,000 samples, not counted): loads the SDK, prepares statements and lets the JIT settle.
    await timedRun(core, 50, [0, 0.5, 1, 1.5], FAST_CONCURRENCY);
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const serverCpuBefore = childCpuSeconds(fast.child);
    const throughput = await timedRun(core, 250, [0, 0.5, 1, 1.5], FAST_CONCURRENCY);
    const cpu = process.cpuUsage(cpuBefore);
    const serverCpu = childCpuSeconds(fast.child) - serverCpuBefore;
    const rate = throughput.ok / throughput.seconds;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(
      `runner throughput: ${throughput.ok.toLocaleString('en')}/${throughput.total.toLocaleString('en')} samples ok in ${throughput.seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} samples/s (target ≥ 2,000${rate >= 2000 ? '' : ', MISSED'})`,
    );
    console.log(`runner CPU: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (${(cpu.system / 1e6).toFixed(2)} s in the kernel) over ${throughput.seconds.toFixed(2)} s, ${Math.round((cpu.user + cpu.system) / throughput.ok)} µs per sample`);
    console.log(`fake server CPU: ${serverCpu.toFixed(2)} s, ${Math.round((serverCpu * 1e6) / throughput.ok)} µs per sample`);
    console.log(`runner peak RSS: ${peakMb.toFixed(0)} MB (target ≤ 150 MB${peakMb <= 150 ? '' : ', MISSED'}; ${Math.round(rssBefore / 1024 / 1024)} MB before the run)`);

    await core.api.setSetting({ key: 'providers', value: { ollamaHost: null, openaiBaseUrl: null, anthropicBaseUrl: null, endpoints: [endpoint('local', slow.url, 8)], concurrency: {}, timeoutSeconds: 60 } });
    const scheduled = await timedRun(core, 20, [0, 0.5, 1, 1.5], 8);
    const ideal = (400 / 8) * 0.2;
    console.log(
      `runner scheduling: 400 samples at 200 ms latency, 8 in flight: ${scheduled.seconds.toFixed(2)} s = ${(scheduled.seconds / ideal).toFixed(3)} × the ideal ${ideal} s (target ≤ 1.05${scheduled.seconds / ideal <= 1.05 ? '' : ', MISSED'})`,
    );
  } finally {
    await core?.close();
    fast.child.kill('SIGTERM');
    slow.child.kill('SIGTERM');
    removeDir(root);
  }
}

await main();
