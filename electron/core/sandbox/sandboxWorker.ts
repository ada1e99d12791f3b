// A worker thread for work whose cost the workspace decides: a template, a regex pattern. Such
// work can run for minutes or fill the memory, and JavaScript cannot interrupt it from inside; in
// the worker it is ended from outside at a time limit or a heap limit, and the process that serves
// everything else (the app's core, `workbench serve`) never stalls on it. Jobs run one after
// another, so a slow one ends by its own time limit, never by another's. The worker starts on first
// use and ends after a while idle, so a process that used it once does not keep its memory.
import { Worker } from 'node:worker_threads';

export interface WorkerLimits {
  /** Longest one job may take. */
  timeoutMs: number;
  /** The worker's heap limit. */
  memoryMb: number;
}

export type WorkerOutcome<Reply> =
  | { kind: 'reply'; reply: Reply }
  | { kind: 'timeout' }
  | { kind: 'out-of-memory' }
  | { kind: 'crashed'; message: string };

const IDLE_MS = 30_000;

export class SandboxWorker<Job extends object, Reply extends { id: number }> {
  private worker: Worker | null = null;
  private workerMemoryMb = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  /** `url`: a plain JavaScript file that answers each message with `{ id, ... }`. */
  constructor(private readonly url: URL) {}

  run(job: Job, limits: WorkerLimits): Promise<WorkerOutcome<Reply>> {
    const run = this.queue.then(() => this.runNow(job, limits));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private runNow(job: Job, limits: WorkerLimits): Promise<WorkerOutcome<Reply>> {
    clearTimeout(this.idleTimer);
    const current = this.started(limits.memoryMb);
    const id = this.nextId++;
    return new Promise((resolve) => {
      const finish = (outcome: WorkerOutcome<Reply>, stop: boolean) => {
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
        current.off('exit', onExit);
        if (stop) this.stop(current);
        current.unref();
        this.idleTimer = setTimeout(() => this.stop(current), IDLE_MS);
        this.idleTimer.unref();
        resolve(outcome);
      };
      const onMessage = (reply: Reply) => {
        if (reply.id === id) finish({ kind: 'reply', reply }, false);
      };
      const onError = (error: Error) =>
        finish((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'out-of-memory' } : { kind: 'crashed', message: error.message }, true);
      const onExit = () => finish({ kind: 'crashed', message: 'the worker stopped unexpectedly' }, true);
      const timer = setTimeout(() => finish({ kind: 'timeout' }, true), limits.timeoutMs);
      current.on('message', onMessage);
      current.on('error', onError);
      current.on('exit', onExit);
      // While a job is under way the worker keeps the process alive (a command awaiting it must not exit).
      current.ref();
      current.postMessage({ ...job, id });
    });
  }

  private started(memoryMb: number): Worker {
    if (this.worker && this.workerMemoryMb === memoryMb) return this.worker;
    if (this.worker) this.stop(this.worker);
    const worker = new Worker(this.url, { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
    // A worker being stopped after a timeout can still report running out of memory on its way out,
    // after its job has stopped listening. An 'error' with no listener would be thrown in the
    // process that serves everything else; the job it belonged to has already been answered.
    worker.on('error', () => undefined);
    worker.unref();
    this.worker = worker;
    this.workerMemoryMb = memoryMb;
    return worker;
  }

  private stop(target: Worker): void {
    if (this.worker === target) this.worker = null;
    void target.terminate();
  }
}
