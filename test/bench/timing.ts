// Median and 95th percentile of repeated timings, and the line the benchmark prints for them.
import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

export async function measure(runs: number, work: (run: number) => Promise<unknown> | unknown): Promise<Timing> {
  const samples: number[] = [];
  // One run first that is not counted: it pays for loading code and warming caches.
  await work(-1);
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work(run);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (fraction: number) => samples[Math.min(samples.length - 1, Math.ceil(fraction * samples.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95), runs };
}

export function report(label: string, timing: Timing, targetMs?: number): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const target = targetMs === undefined ? '' : ` (target < ${targetMs} ms): ${timing.median < targetMs ? 'PASS' : 'FAIL'}`;
  return `${label}: median ${ms(timing.median)}, p95 ${ms(timing.p95)} over ${timing.runs} runs${target}`;
}
