// The sampling engine as people run it, the bundled CLI started as `node bin/workbench.js`, measured
// from outside the process (workbenchRuns.ts), against a local zero-latency OpenAI-compatible server:
// 1. `workbench run`, each a fresh process: 5,000 samples (4 temperatures × 5 cases × 250), every
//    sample stored in SQLite; plain JSON answers and streamed ones (the app's default). Target: the
//    process peaks under 250 MB.
// 2. ten such runs one after another in one `workbench serve` (the engine as the app holds it).
//    Target: it does not grow, its resident memory after the 10th run within 15% of that after the 2nd.
// 3. scheduling: 400 samples at 200 ms server latency with 8 in flight, against the ideal 10 s.
// 4. the same 5,000 calls with promptfoo, whole process against whole process (promptfooCompare.ts).
//    Target: the workbench at least 5× faster.
// Samples/s are reported without a target: simpler code at 1,500 samples/s beats tricky code at 2,500.
// The rate is the run's own: samples over the time from its creation to its last sample, read from
// the database; the whole command's wall time (start-up included) is printed beside it.
import { makeTempDir, removeDir } from '../support/tempDir';
import { benchAgainstPromptfoo } from './promptfooCompare';
import { buildCli, median, runCommand, serveRuns, startFakeServer, type RunFigures } from './workbenchRuns';

const REPEATS = 250;
const CONCURRENCY = 16;
const PEAK_TARGET_MB = 250;
const SERVE_RUNS = 10;
const SERVE_GROWTH_TARGET = 0.15;

const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const list = (values: number[], unit: string) => values.map((value) => `${Math.round(value).toLocaleString('en')}${unit}`).join(', ');
const stealLine = (runs: RunFigures[]) =>
  `  CPU time the virtual machine's host took away during each run (steal): ${runs.map((run) => (Number.isNaN(run.steal) ? 'unknown' : `${(run.steal * 100).toFixed(1)}%`)).join(', ')}`;

function throughputLine(label: string, runs: RunFigures[]): string {
  const rates = runs.map((run) => run.ok / run.runSeconds);
  const first = runs[0];
  return `runner throughput, ${label}: ${first?.ok.toLocaleString('en')}/${first?.total.toLocaleString('en')} samples ok; median ${Math.round(median(rates)).toLocaleString('en')} samples/s over ${runs.length} runs (${list(rates, '')})`;
}

function commandLines(label: string, runs: RunFigures[]): string[] {
  const peaks = runs.map((run) => run.peaks.rssMb);
  return [
    throughputLine(label, runs),
    `  peak RSS ${list(peaks, ' MB')}; whole command incl. start-up: ${runs.map((run) => `${run.wallSeconds.toFixed(2)} s`).join(', ')}; CPU ${runs.map((run) => `${Math.round((run.peaks.cpuSeconds * 1e6) / run.ok)} µs`).join(', ')} per sample`,
    stealLine(runs),
  ];
}

function serveLines(label: string, runs: RunFigures[]): string[] {
  const resident = runs.map((run) => run.rssAfterMb ?? Number.NaN);
  const second = resident[1] ?? Number.NaN;
  const last = resident[resident.length - 1] ?? Number.NaN;
  const growth = last / second - 1;
  return [
    throughputLine(label, runs),
    `  resident after each run: ${list(resident, ' MB')}; the process's peak over all of them: ${Math.round(runs[0]?.peaks.rssMb ?? Number.NaN)} MB`,
    stealLine(runs),
    `serve memory, ${label.replace('workbench serve, ', '')}: ${Math.round(last)} MB after run ${runs.length} vs ${Math.round(second)} MB after run 2, ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}% (target ≤ +${SERVE_GROWTH_TARGET * 100}%): ${verdict(growth <= SERVE_GROWTH_TARGET)}`,
  ];
}

/**
 * `repeats` measured `workbench run` processes per answer mode; the comparison with promptfoo makes
 * up to 3 pairs. Lines are printed as each part finishes.
 */
export async function benchRunner(repeats: number, print: (line: string) => void): Promise<void> {
  buildCli();
  const root = makeTempDir('workbench-runner-bench-');
  const fast = await startFakeServer(0);
  const slow = await startFakeServer(200);
  try {
    const commandRuns: RunFigures[] = [];
    for (const stream of [false, true]) {
      // Not counted: warms the fake server's JIT, which would otherwise slow the first run down.
      await runCommand(root, fast.url, 25, CONCURRENCY, stream);
      const runs: RunFigures[] = [];
      for (let i = 0; i < repeats; i++) runs.push(await runCommand(root, fast.url, REPEATS, CONCURRENCY, stream));
      commandLines(`workbench run, ${stream ? 'streamed (SSE)' : 'JSON answers'}`, runs).forEach((line) => print(line));
      commandRuns.push(...runs);
    }
    const worstPeak = Math.max(...commandRuns.map((run) => run.peaks.rssMb));
    print(`workbench run peak RSS, 5,000 samples: worst ${Math.round(worstPeak)} MB over ${commandRuns.length} runs (target < ${PEAK_TARGET_MB} MB): ${verdict(worstPeak < PEAK_TARGET_MB)}`);

    for (const stream of [false, true]) {
      serveLines(`workbench serve, ${stream ? 'streamed (SSE)' : 'JSON answers'}`, await serveRuns(root, fast.url, SERVE_RUNS, REPEATS, stream)).forEach((line) => print(line));
    }

    const scheduled = await runCommand(root, slow.url, 20, 8, false);
    const ideal = (400 / 8) * 0.2;
    const ratio = scheduled.runSeconds / ideal;
    print(`runner scheduling: 400 samples at 200 ms latency, 8 in flight: ${scheduled.runSeconds.toFixed(2)} s = ${ratio.toFixed(3)} × the ideal ${ideal} s (target ≤ 1.05): ${verdict(ratio <= 1.05)}`);

    (await benchAgainstPromptfoo(root, fast.url, Math.max(1, Math.min(3, repeats)))).forEach((line) => print(line));
  } finally {
    fast.child.kill('SIGTERM');
    slow.child.kill('SIGTERM');
    removeDir(root);
  }
}
