// Answers asked for before the app has loaded. A run's review opens on its samples, megabytes for
// a large run, which the core takes about as long to read and send as the page takes to load and
// compile its code. The page's first module (main.tsx) starts that call at once; the app, once
// loaded, takes the answer instead of asking again, so the two waits overlap.
import type { RawCall } from './httpCall';

/** Long after any app would have claimed it: an answer nobody took is not kept in memory. */
const UNCLAIMED_MS = 30_000;

const started = new Map<string, Promise<unknown>>();

const keyOf = (name: string, input: unknown) => `${name} ${JSON.stringify(input ?? {})}`;

/** Starts `name(input)` now; the first identical call made through `answeringEarly` gets its answer. */
export function callEarly(call: RawCall, name: string, input: unknown): void {
  const key = keyOf(name, input);
  if (started.has(key)) return;
  started.set(key, call(name, input));
  setTimeout(() => started.delete(key), UNCLAIMED_MS);
}

/** `call`, except that a call started early is answered, once, by that start. */
export function answeringEarly(call: RawCall): RawCall {
  return (name, input) => {
    const key = keyOf(name, input);
    const early = started.get(key);
    if (!early) return call(name, input);
    started.delete(key);
    return early;
  };
}
