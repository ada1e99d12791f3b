import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLING_INTERRUPT_BUDGET, resetHotCodeTiering, tierUpHotCodeSooner } from './hotCodeTiering';

describe('tierUpHotCodeSooner', () => {
  afterEach(() => resetHotCodeTiering());

  it('lowers the interrupt budget once per process', () => {
    const set: string[] = [];
    expect(tierUpHotCodeSooner((flags) => set.push(flags), [])).toBe(true);
    expect(tierUpHotCodeSooner((flags) => set.push(flags), [])).toBe(false);
    expect(set).toEqual([`--interrupt-budget=${SAMPLING_INTERRUPT_BUDGET}`]);
  });

  it('leaves a budget the user chose on the command line or in NODE_OPTIONS', () => {
    const set: string[] = [];
    expect(tierUpHotCodeSooner((flags) => set.push(flags), ['--max-old-space-size=512', '--interrupt-budget=100000'])).toBe(false);
    resetHotCodeTiering();
    expect(tierUpHotCodeSooner((flags) => set.push(flags), ['--inspect --interrupt-budget=1000'])).toBe(false);
    expect(set).toEqual([]);
  });

  it('takes effect in a running process: hot code is optimised after fewer calls', () => {
    // Counts the calls a small function needs before V8 optimises it, in fresh processes with V8's
    // test intrinsics, with and without the lower budget set at run time as a run sets it.
    // Synchronous optimisation makes the count exact instead of racing a compiler thread.
    const module = JSON.stringify(pathToFileURL(path.join(import.meta.dirname, 'hotCodeTiering.ts')).href);
    const script = (lower: boolean) => `
      import vm from 'node:vm';
      import { tierUpHotCodeSooner } from ${module};
      if (${lower}) tierUpHotCodeSooner();
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
});
