// Browser mode stays responsive while it samples: `workbench serve` runs 20,000 samples (4
// temperatures × 5 cases × 1,000) against a zero-latency local OpenAI-compatible server, and
// meanwhile a client rates samples of an earlier run and lists the prompts, one request after the
// other with a short pause, as a person working in the app would. Each request is timed from
// sending it over HTTP until its answer has been read (target p95 < 50 ms for both).
import { performance } from 'node:perf_hooks';
import { callApi } from '../support/serveApi';
import { makeTempDir, removeDir } from '../support/tempDir';
import { serveWorkbench } from '../support/workbenchCli';
import { makeBenchWorkspace, startFakeServerProcess } from './benchServe';
import { watchSteal } from './hostSteal';

const MODEL = 'openai/gpt-4o-mini';
const TEMPERATURES = [0, 0.5, 1, 1.5];
const PER_CELL = 1000;
const PAUSE_MS = 20;

interface Figures {
  median: number;
  p95: number;
  max: number;
  n: number;
}

function figures(values: number[]): Figures {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN, n: sorted.length };
}

function describe(label: string, timing: Figures, targetMs: number): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const verdict = timing.p95 < targetMs ? '' : ', MISSED';
  return `${label}: median ${ms(timing.median)}, p95 ${ms(timing.p95)}, max ${ms(timing.max)} over ${timing.n} (target p95 < ${targetMs} ms${verdict})`;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchServeDuringRun(): Promise<string[]> {
  const root = makeTempDir('workbench-serve-bench-');
  const fake = await startFakeServerProcess(0);
  try {
    const workspace = makeBenchWorkspace(root, 'ws');
    const env = { ...process.env, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-bench' };
    const server = await serveWorkbench(workspace, ['--port', '0'], env, true);
    try {
      const base = { prompt: 'bench', models: [MODEL], concurrency: 16, confirmed: true };
      // Samples to rate, from a small run that is done before the big one starts.
      const small = await callApi<{ runId: string }>(server, 'startRun', { ...base, temperatures: [0], samples: 10, cases: ['case-1'] });
      const statusOf = async (runId: string) => (await callApi<{ runId: string; status: string }[]>(server, 'listRuns', { prompt: 'bench' })).find((run) => run.runId === runId)?.status;
      while ((await statusOf(small.runId)) === 'running') await pause(50);
      const rated = (await callApi<{ samples: { sampleId: string }[] }>(server, 'getRun', small)).samples.map((sample) => sample.sampleId);

      const stolen = watchSteal();
      const started = performance.now();
      const big = await callApi<{ runId: string }>(server, 'startRun', { ...base, temperatures: TEMPERATURES, samples: PER_CELL });
      let running = true;
      const watcher = (async () => {
        while ((await statusOf(big.runId)) === 'running') await pause(250);
        running = false;
      })();
      const ratings: number[] = [];
      const lists: number[] = [];
      for (let i = 0; running; i++) {
        const sampleIds = [rated[i % rated.length] as string];
        ratings.push(await timed(() => callApi(server, 'rateSamples', { runId: small.runId, sampleIds, rating: (i % 5) + 1 })));
        if (!running) break;
        lists.push(await timed(() => callApi(server, 'listPrompts', {})));
        await pause(PAUSE_MS);
      }
      await watcher;
      const seconds = (performance.now() - started) / 1000;
      const steal = stolen.stop();
      const total = TEMPERATURES.length * 5 * PER_CELL;
      return [
        `serve during a ${total.toLocaleString('en')}-sample run (zero-latency server, ${seconds.toFixed(1)} s, ${Math.round(total / seconds).toLocaleString('en')} samples/s; steal ${Number.isNaN(steal) ? 'unknown' : `${(steal * 100).toFixed(1)}%`}):`,
        `  ${describe('rateSamples', figures(ratings), 50)}`,
        `  ${describe('listPrompts', figures(lists), 50)}`,
      ];
    } finally {
      await server.stop();
    }
  } finally {
    fake.child.kill('SIGTERM');
    removeDir(root);
  }
}
