// V8 settings for a process that samples, set when its first run starts. V8 reads both whenever it
// needs them (a function's tier-up counter, the heap's next limit), so setting them at run time
// works; doing it here rather than in a host's launch flags gives them to the CLI, `serve` and the
// app alike, and leaves one-off start-up code and commands that never sample as they were.
//
// --interrupt-budget: a fresh process runs a sweep's hot path (the SDK building each request, HTTP
// parsing, the SQLite write) in V8's interpreter until each function has spent its budget of
// bytecode; at the default (66 KB) a 5,000-sample run against a local server spends its first
// 1.5 s at under half its later speed. A quarter of it optimises hot code four times sooner: in 8
// interleaved runs each, `workbench run` went from a median 2,061 to 2,393 samples/s with 9% less
// CPU, its peak memory within a few MB of before.
//
// --heap-growing-percent: every call leaves garbage in the old generation (Node makes each
// AbortSignal survive its first collection, and the SDK and the runner each make one per call),
// and by default V8 lets that generation grow to several times what is live before collecting it.
// A long-lived process (`serve`, the app) then climbed to about 190 MB over six 5,000-sample runs;
// growing by half keeps it under 140 MB, for a few percent of throughput.
import v8 from 'node:v8';

export const SAMPLING_V8_FLAGS: Readonly<Record<string, number>> = {
  'interrupt-budget': 16_384,
  'heap-growing-percent': 50,
};

let applied = false;

/**
 * Sets SAMPLING_V8_FLAGS for the rest of the process, once; returns the flags it set. A flag the
 * user chose (on the node command line or in NODE_OPTIONS) is left as it is.
 */
export function tuneV8ForSampling(
  setFlags: (flags: string) => void = v8.setFlagsFromString,
  commandLine: readonly string[] = [...process.execArgv, process.env.NODE_OPTIONS ?? ''],
): string[] {
  if (applied) return [];
  applied = true;
  const chosen = (name: string) => commandLine.some((arg) => new RegExp(`--${name}(=|\\s|$)`).test(arg));
  const flags = Object.entries(SAMPLING_V8_FLAGS)
    .filter(([name]) => !chosen(name))
    .map(([name, value]) => `--${name}=${value}`);
  for (const flag of flags) setFlags(flag);
  return flags;
}

/** For tests: forget that the flags were set. */
export function resetSamplingV8Flags(): void {
  applied = false;
}
