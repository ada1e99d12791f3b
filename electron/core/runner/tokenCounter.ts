// Counts tokens (gpt-tokenizer, o200k_base) in a short-lived helper process. Loading the tokenizer's
// tables costs a process ~55 MB of RSS for good (about 20 MB of retained heap plus parser memory that
// is never returned), and a worker thread is no better (+70–90 MB live, +30 MB retained after
// terminate). A child process gives all of it back when it exits, which keeps `workbench run` (it
// always estimates first) within its memory target.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { WorkbenchError } from '../../../shared/errors';

export interface TokenCounter {
  /** Token counts of the texts, in order (gpt-tokenizer's countTokens, o200k_base). */
  count(texts: readonly string[]): Promise<number[]>;
  /** Ends the helper process (if any); later count() calls start a new one. */
  close(): void;
}

export interface TokenCounterOptions {
  /** How long the helper stays alive after its last answer, so a burst of estimates starts it once. */
  idleMs?: number;
  /** Told the pid of every helper started (lets tests watch the process come and go). */
  onSpawn?: (pid: number) => void;
}

/** Texts whose counts are remembered; prompts repeat across estimates, so a few thousand suffice. */
const CACHE_LIMIT = 2_000;

// The helper, as CommonJS for `node -e`: one JSON request per line in, one answer per line out (JSON
// escapes every line break inside a text). It ends by itself when its stdin closes.
const HELPER_SOURCE = `
const { countTokens } = require(TOKENIZER_PATH);
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  let id = null;
  try {
    const request = JSON.parse(line);
    id = request.id;
    process.stdout.write(JSON.stringify({ id, counts: request.texts.map((text) => countTokens(text)) }) + '\\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ id, error: String((error && error.message) || error) }) + '\\n');
  }
});
`;

export function createTokenCounter({ idleMs = 15_000, onSpawn }: TokenCounterOptions = {}): TokenCounter {
  const cache = new Map<string, number>(); // insertion order: the first key is the oldest
  let helper: ReturnType<typeof startHelper> | null = null;
  return {
    async count(texts) {
      // This call's own counts: a concurrent call may push them out of the cache meanwhile.
      const known = new Map(texts.flatMap((text) => (cache.has(text) ? [[text, cache.get(text) ?? 0] as const] : [])));
      const missing = [...new Set(texts.filter((text) => !known.has(text)))];
      if (missing.length > 0) {
        if (!helper?.alive()) helper = startHelper(idleMs, onSpawn);
        const counts = await helper.request(missing);
        missing.forEach((text, index) => {
          known.set(text, counts[index] ?? 0);
          cache.set(text, counts[index] ?? 0);
          if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
        });
      }
      return texts.map((text) => known.get(text) ?? 0);
    },
    close() {
      helper?.stop('was closed before it answered');
      helper = null;
    },
  };
}

function startHelper(idleMs: number, onSpawn?: (pid: number) => void) {
  const source = `const TOKENIZER_PATH = ${JSON.stringify(tokenizerPath())};\n${HELPER_SOURCE}`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  const pending = new Map<number, { resolve: (counts: number[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let ended = false;
  let stderrTail = '';
  let idleTimer: NodeJS.Timeout | undefined;

  // Ref'd only while a call waits for an answer, so an idle helper never keeps the parent alive.
  const hold = (held: boolean) =>
    [child, child.stdin as Socket, child.stdout as Socket, child.stderr as Socket].forEach((handle) => (held ? handle.ref() : handle.unref()));

  const end = (reason: string) => {
    if (ended) return;
    ended = true;
    clearTimeout(idleTimer);
    hold(false);
    child.kill();
    // A crash report ends with the error's fields and Node's version; the line naming the error says more.
    const lines = stderrTail.split('\n').map((line) => line.trim()).filter(Boolean);
    const said = lines.findLast((line) => /^\w*Error\b/.test(line)) ?? lines.at(-1);
    const error = failure(`the tokenizer's helper process ${reason}${said ? ` (${said})` : ''}. Try again; if it keeps failing, check that gpt-tokenizer is installed in node_modules`);
    pending.forEach((call) => call.reject(error));
    pending.clear();
  };

  const answer = (line: string) => {
    let message: { id?: number; counts?: number[]; error?: string };
    try {
      message = JSON.parse(line);
    } catch {
      return end(`answered with something other than JSON: ${line.slice(0, 200)}`);
    }
    const call = pending.get(message.id ?? -1);
    if (!call) return;
    pending.delete(message.id ?? -1);
    if (message.counts) call.resolve(message.counts);
    else call.reject(failure(message.error ?? 'the helper gave no reason'));
    if (pending.size > 0) return;
    hold(false);
    idleTimer = setTimeout(() => end('was stopped after being idle'), idleMs).unref();
  };

  createInterface({ input: child.stdout }).on('line', answer); // reassembles lines split across chunks
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderrTail = (stderrTail + chunk).slice(-4_000)));
  child.stdin.on('error', () => {}); // a write to a helper that just died; 'close' says why
  child.on('error', (error) => end(`could not start (${error.message})`));
  // 'close', not 'exit': it comes after stdio has drained, so all of stderr is in hand.
  child.on('close', (code, signal) => end(signal ? `was killed by ${signal}` : `exited with code ${code}`));
  if (child.pid !== undefined) onSpawn?.(child.pid);
  hold(false);

  return {
    alive: (): boolean => !ended,
    request(texts: string[]): Promise<number[]> {
      if (ended) return Promise.reject(failure("the tokenizer's helper process has ended"));
      clearTimeout(idleTimer);
      hold(true);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.stdin.write(`${JSON.stringify({ id, texts })}\n`);
      });
    },
    stop: end,
  };
}

/** Resolved in the parent: the helper's `-e` code has no location of its own to resolve from. */
function tokenizerPath(): string {
  try {
    return createRequire(import.meta.url).resolve('gpt-tokenizer');
  } catch (error) {
    throw failure(`gpt-tokenizer was not found (${(error as Error).message}); reinstall the app's dependencies`);
  }
}

function failure(reason: string): WorkbenchError {
  return new WorkbenchError('INTERNAL', `Tokens could not be counted: ${reason}.`);
}
