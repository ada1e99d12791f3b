// Renders templates in a worker thread with a time and memory limit. A template is code from the
// workspace, which may be a cloned repository written by anyone: nested {{#each}} over a long list,
// or thousands of tags, can run for minutes or fill the memory, and Handlebars cannot be stopped
// from inside. In the worker, such a render is ended from outside and reported, and the process
// that serves everything else (the app's core, `workbench serve`) never stalls on it.
import { Worker } from 'node:worker_threads';
import { WorkbenchError } from '../../../shared/errors';

export interface SandboxLimits {
  /** Longest a render may take. */
  timeoutMs: number;
  /** The worker's heap limit. */
  memoryMb: number;
  /** Most characters the rendered messages may hold in all. */
  maxOutputChars: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { timeoutMs: 5_000, memoryMb: 256, maxOutputChars: 4 * 1024 * 1024 };
/** An idle worker is ended after this long, so a process that rendered once does not keep its memory. */
const IDLE_MS = 30_000;

export interface SandboxRender {
  messages: { role: string; content: unknown[]; metadata?: unknown }[];
  config: Record<string, unknown>;
}

type Reply =
  | { id: number; ok: true; messages: SandboxRender['messages']; config: Record<string, unknown> }
  | { id: number; ok: false; reason: 'error'; message: string }
  | { id: number; ok: false; reason: 'output'; size: number };

// The worker is plain JavaScript beside this file; the bundles get a copy beside themselves.
const WORKER_URL = new URL('./templateRenderWorker.js', import.meta.url);

let worker: Worker | null = null;
/** The heap limit the current worker was started with; a render asking for another gets a new worker. */
let workerMemoryMb = 0;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 1;
/** Renders run one after another: a slow one ends by its own timeout, never by another's. */
let queue: Promise<unknown> = Promise.resolve();

/** Renders `source` with Dotprompt for `input`; `file` names it in errors. */
export function renderInSandbox(file: string, source: string, input: Record<string, unknown>, limits: SandboxLimits = DEFAULT_LIMITS): Promise<SandboxRender> {
  const run = queue.then(() => renderNow(file, source, input, limits));
  queue = run.catch(() => undefined);
  return run;
}

function renderNow(file: string, source: string, input: Record<string, unknown>, limits: SandboxLimits): Promise<SandboxRender> {
  clearTimeout(idleTimer);
  const current = startedWorker(limits);
  const id = nextId++;
  return new Promise<SandboxRender>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
      current.off('exit', onExit);
      current.unref();
      idleTimer = setTimeout(() => stop(current), IDLE_MS);
      idleTimer.unref();
      outcome();
    };
    const fail = (error: WorkbenchError) => {
      stop(current);
      finish(() => reject(error));
    };
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      if (reply.ok) finish(() => resolve({ messages: reply.messages, config: reply.config }));
      else if (reply.reason === 'output') finish(() => reject(tooMuchOutput(file, reply.size, limits)));
      else finish(() => reject(new WorkbenchError('PROMPT_INVALID', `${file}: the template could not be rendered: ${reply.message}`)));
    };
    const onError = (error: Error) => {
      const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      fail(
        outOfMemory
          ? new WorkbenchError('PROMPT_INVALID', `${file}: rendering the template needed more than ${limits.memoryMb} MB and was stopped. Check its {{#each}} loops and the size of the input.`)
          : new WorkbenchError('PROMPT_INVALID', `${file}: the template could not be rendered: ${error.message}`),
      );
    };
    const onExit = () => fail(new WorkbenchError('PROMPT_INVALID', `${file}: rendering the template stopped unexpectedly. Try again.`));
    const timer = setTimeout(
      () =>
        fail(
          new WorkbenchError(
            'PROMPT_INVALID',
            `${file}: rendering the template took longer than ${limits.timeoutMs / 1000} s and was stopped. Check its {{#each}} loops and the size of the input.`,
          ),
        ),
      limits.timeoutMs,
    );
    current.on('message', onMessage);
    current.on('error', onError);
    current.on('exit', onExit);
    // While a render is under way the worker keeps the process alive (a command awaiting it must not exit).
    current.ref();
    current.postMessage({ id, source, input, maxOutputChars: limits.maxOutputChars });
  });
}

function startedWorker(limits: SandboxLimits): Worker {
  if (worker && workerMemoryMb === limits.memoryMb) return worker;
  if (worker) stop(worker);
  worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } });
  workerMemoryMb = limits.memoryMb;
  // A worker being stopped after a timeout can still report running out of memory on its way out,
  // after its render has stopped listening. An 'error' with no listener would be thrown in the
  // process that serves everything else; the render it belonged to has already been answered.
  worker.on('error', () => undefined);
  worker.unref();
  return worker;
}

function stop(target: Worker): void {
  if (worker === target) worker = null;
  void target.terminate();
}

function tooMuchOutput(file: string, size: number, limits: SandboxLimits): WorkbenchError {
  const mb = (chars: number) => `${(chars / (1024 * 1024)).toFixed(1)} MB`;
  return new WorkbenchError('PROMPT_INVALID', `${file}: the rendered prompt would be ${mb(size)}, more than the ${mb(limits.maxOutputChars)} a prompt may be. Check its {{#each}} loops and the size of the input.`);
}
