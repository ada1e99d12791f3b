import { execFile, spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLING_V8_FLAGS, resetSamplingV8Flags, tuneV8ForSampling } from './samplingV8Flags';

const execFileAsync = promisify(execFile);

/** The module as a child process imports it (through tsx). */
const moduleUrl = () => JSON.stringify(pathToFileURL(path.join(import.meta.dirname, 'samplingV8Flags.ts')).href);

describe('tuneV8ForSampling', () => {
  afterEach(() => resetSamplingV8Flags());

  const all = Object.entries(SAMPLING_V8_FLAGS).map(([name, value]) => `--${name}=${value}`);

  it('sets the interrupt budget and the heap growth once per process', () => {
    const set: string[] = [];
    expect(all).toEqual(['--interrupt-budget=16384', '--heap-growing-percent=50']);
    expect(tuneV8ForSampling((flags) => set.push(flags), [])).toEqual(all);
    expect(tuneV8ForSampling((flags) => set.push(flags), [])).toEqual([]);
    expect(set).toEqual(all);
  });

  it('leaves a flag the user chose on the command line or in NODE_OPTIONS', () => {
    const set: string[] = [];
    expect(tuneV8ForSampling((flags) => set.push(flags), ['--max-old-space-size=512', '--interrupt-budget=100000'])).toEqual(['--heap-growing-percent=50']);
    resetSamplingV8Flags();
    expect(tuneV8ForSampling((flags) => set.push(flags), ['--inspect --heap-growing-percent=20 --interrupt-budget 1000'])).toEqual([]);
    // A flag that only starts with the same words is a different flag.
    resetSamplingV8Flags();
    expect(tuneV8ForSampling((flags) => set.push(flags), ['--interrupt-budget-for-feedback-allocation=100'])).toEqual(all);
  });

  it('takes effect in a running process: hot code is optimised after fewer calls', () => {
    // Counts the calls a small function needs before V8 optimises it, in fresh processes with V8's
    // test intrinsics, with and without the lower budget set at run time as a run sets it.
    // Synchronous optimisation makes the count exact instead of racing a compiler thread.
    const script = (lower: boolean) => `
      import vm from 'node:vm';
      import { tuneV8ForSampling } from ${moduleUrl()};
      if (${lower}) tuneV8ForSampling();
      const work = vm.runInThisContext('(x) => { let s = 0; for (let i = 0; i < 20; i++) s += (x * i) % 7; return s; }');
      const optimised = vm.runInThisContext('(f) => (%GetOptimizationStatus(f) & 16) !== 0');
      let calls = 0;
      while (calls < 100000 && !optimised(work)) work(calls++);
      process.stdout.write(String(calls));`;
    const callsUntilOptimised = (lower: boolean) => {
      const args = ['--import', 'tsx', '--allow-natives-syntax', '--no-concurrent-recompilation', '--input-type=module', '-e', script(lower)];
      const child = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
      expect(child.stderr).toBe('');
      return Number(child.stdout);
    };
    const atDefault = callsUntilOptimised(false);
    const lowered = callsUntilOptimised(true);
    expect(lowered).toBeGreaterThan(0);
    expect(lowered).toBeLessThan(atDefault / 2);
  });

  it('takes effect in a running process: garbage that outlives young collections is collected sooner', async () => {
    // Peak heap of a process holding ~25 MB while making 300,000 AbortSignals, which Node 20 moves
    // to the old generation however briefly they live (as each call of a run does), with and
    // without the heap growth set at run time as a run sets it.
    const script = (tuned: boolean) => `
      import v8 from 'node:v8';
      import { tuneV8ForSampling } from ${moduleUrl()};
      if (${tuned}) tuneV8ForSampling();
      const live = Array.from({ length: 250000 }, (_, i) => ({ i, text: 'x' + i }));
      let peak = 0;
      for (let round = 0; round < 300; round++) {
        for (let i = 0; i < 1000; i++) void new AbortController().signal;
        peak = Math.max(peak, v8.getHeapStatistics().used_heap_size);
      }
      // Reading \`live\` at the end keeps it alive throughout.
      process.stdout.write(JSON.stringify({ peak, held: live.length }));`;
    const peakHeap = async (tuned: boolean) => {
      const { stdout, stderr } = await execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(tuned)], { env: { ...process.env, NODE_OPTIONS: '' } });
      expect(stderr).toBe('');
      const { peak, held } = JSON.parse(stdout) as { peak: number; held: number };
      expect(held).toBe(250000);
      return peak;
    };
    const [atDefault, tuned] = await Promise.all([peakHeap(false), peakHeap(true)]);
    expect(tuned).toBeGreaterThan(20e6);
    expect(tuned).toBeLessThan(atDefault * 0.8);
  }, 30_000);
});
