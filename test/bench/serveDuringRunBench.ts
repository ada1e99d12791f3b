// Browser mode stays responsive while it samples: `workbench serve` runs 20,000 samples (4
// temperatures × 5 cases × 1,000) against a zero-latency local OpenAI-compatible server, and
// meanwhile a client rates samples of an earlier run and lists the prompts, one request after the
// other with a short pause, as a person working in the app would. Each request is timed from
// sending it over HTTP until its answer has been read (target p95 < 50 ms for both). The client
// learns that the run ended as the app does, from the events socket (runProgress), not by polling.
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { callApi } from '../support/serveApi';
import { makeTempDir, removeDir } from '../support/tempDir';
import { serveWorkbench, type ServeProcess } from '../support/workbenchCli';
import { buildCli, makeWorkspace as makeBenchWorkspace, startFakeServer as startFakeServerProcess } from './workbenchRuns';
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

/** Resolves when a run's progress says it is no longer running. */
async function runEnds(server: ServeProcess): Promise<{ ended(runId: string): Promise<void>; close(): void }> {
  const socket = new WebSocket(`ws://127.0.0.1:${server.port}/events`, { headers: { authorization: `Bearer ${server.token}`, origin: server.origin } });
  const ended = new Set<string>();
  const waiting = new Map<string, () => void>();
  socket.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString()) as { event: string; payload: { runId: string; status: string } };
    if (frame.event !== 'runProgress' || frame.payload.status === 'running') return;
    ended.add(frame.payload.runId);
    waiting.get(frame.payload.runId)?.();
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    ended: (runId) => (ended.has(runId) ? Promise.resolve() : new Promise((resolve) => waiting.set(runId, resolve))),
    close: () => socket.close(),
  };
}

export async function benchServeDuringRun(): Promise<string[]> {
  buildCli();
  const root = makeTempDir('workbench-serve-bench-');
  const fake = await startFakeServerProcess(0);
  try {
    const workspace = makeBenchWorkspace(root, 'ws');
    const env = { ...process.env, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-bench' };
    const server = await serveWorkbench(workspace, ['--port', '0'], env);
    const events = await runEnds(server);
    try {
      const base = { prompt: 'bench', models: [MODEL], concurrency: 16, confirmed: true };
      // Samples to rate, from a small run that is done before the big one starts.
      const small = await callApi<{ runId: string }>(server, 'startRun', { ...base, temperatures: [0], samples: 10, cases: ['case-1'] });
      await events.ended(small.runId);
      const rated = (await callApi<{ samples: { sampleId: string }[] }>(server, 'getRun', small)).samples.map((sample) => sample.sampleId);

      const stolen = watchSteal();
      const started = performance.now();
      const big = await callApi<{ runId: string }>(server, 'startRun', { ...base, temperatures: TEMPERATURES, samples: PER_CELL });
      let running = true;
      const end = events.ended(big.runId).then(() => (running = false));
      const ratings: number[] = [];
      const lists: number[] = [];
      for (let i = 0; running; i++) {
        const sampleIds = [rated[i % rated.length] as string];
        ratings.push(await timed(() => callApi(server, 'rateSamples', { runId: small.runId, sampleIds, rating: (i % 5) + 1 })));
        if (!running) break;
        lists.push(await timed(() => callApi(server, 'listPrompts', {})));
        await pause(PAUSE_MS);
      }
      await end;
      const seconds = (performance.now() - started) / 1000;
      const steal = stolen.stop();
      const total = TEMPERATURES.length * 5 * PER_CELL;
      return [
        `serve during a ${total.toLocaleString('en')}-sample run (zero-latency server, ${seconds.toFixed(1)} s, ${Math.round(total / seconds).toLocaleString('en')} samples/s; steal ${Number.isNaN(steal) ? 'unknown' : `${(steal * 100).toFixed(1)}%`}):`,
        `  ${describe('rateSamples', figures(ratings), 50)}`,
        `  ${describe('listPrompts', figures(lists), 50)}`,
      ];
    } finally {
      events.close();
      await server.stop();
    }
  } finally {
    fake.child.kill('SIGTERM');
    removeDir(root);
  }
}
