// The runner as the API layer sees it: start, cancel, resume and retry runs, read them back, and
// leave the database truthful when the app stops (interrupted runs keep their pending samples, which
// is exactly what a resume runs).
import { setMaxListeners } from 'node:events';
import type { Api } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import type { RunDetail, RunStatus, RunSummary, SampleDetail } from '../../../shared/runs';
import type { EventBus } from '../eventBus';
import type { ModelProvider } from '../providers/provider';
import type { WorkbenchDatabase } from '../store/database';
import type { RunListOptions } from '../store/runReader';
import { plural, type RunStore } from '../store/runStore';
import { tuneV8ForSampling } from './samplingV8Flags';
import { executeRun, type ExecutionOutcome } from './runExecutor';
import type { RunPlan } from './runPlan';
import { RunProgressTracker } from './runProgress';
import { abortableSleep, defaultRetryPolicy, type RetryPolicy } from './retryPolicy';
import { expandSamples } from './sampleOrder';
import { callLimits } from './callSignal';

export interface RunManagerDeps {
  database: WorkbenchDatabase;
  events: EventBus<Api>;
  /** Looks up a provider by id (the part before the slash); null when unknown. Called per run start, so settings changes apply to the next run. */
  provider: (id: string) => ModelProvider | null;
  /** Concurrency for a provider id from settings (request.concurrency overrides it). */
  concurrency: (id: string) => number;
  /** For tests: sleep/random for backoff; clock. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  /** For tests: the clock behind progress rates. */
  now?: () => number;
  /** For tests: how often progress is published (default 200 ms). */
  progressIntervalMs?: number;
  retryPolicy?: RetryPolicy;
  /** Whether a process is alive (default: `process.kill(pid, 0)`). */
  isAlive?: (pid: number) => boolean;
}

type StopReason = 'cancel' | 'close';

interface RunControl {
  controller: AbortController;
  stop: StopReason | null;
}

interface ActiveRun extends RunControl {
  done: Promise<RunSummary>;
}

export class RunManager {
  private readonly runs = new Map<string, ActiveRun>();
  private readonly activeIds = new Set<string>();
  private readonly store: RunStore;

  constructor(private readonly deps: RunManagerDeps) {
    this.store = deps.database.runs;
  }

  /** Ids of runs executing in this process (including one still settling after a cancel). */
  get active(): ReadonlySet<string> {
    return this.activeIds;
  }

  /** Writes the run and all sample rows (pending), starts executing in the background, returns the summary right away. */
  start(plan: RunPlan): RunSummary {
    const specs = expandSamples(plan.request, plan.cases.map((planned) => planned.name));
    if (specs.length === 0) throw new WorkbenchError('BAD_INPUT', 'The run has no cases to sample; add a case or give the prompt input defaults.');
    const runId = this.store.create(plan, specs, process.pid);
    this.launch(runId);
    return this.summary(runId);
  }

  cancel(runId: string): RunSummary {
    const summary = this.summary(runId);
    const run = this.runs.get(runId);
    if (!run || run.controller.signal.aborted) return summary;
    run.stop = 'cancel';
    // Abort first: from here no answer of this execution is written, so the rest can be marked now.
    run.controller.abort(new Error('The run was cancelled.'));
    this.store.cancelPending(runId);
    this.store.finish(runId, 'cancelled');
    return this.summary(runId);
  }

  /** Runs every sample still pending or cancelled. */
  resume(runId: string): RunSummary {
    const { status } = this.assertNotRunning(runId);
    const reopened = this.store.reopenCancelled(runId);
    // A finished run has nothing to resume; leave it (and its finish time) alone.
    if (status === 'done' && reopened === 0 && this.store.pendingCount(runId) === 0) return this.summary(runId);
    this.launch(runId);
    return this.summary(runId);
  }

  /** Errored samples start over (their attempts count restarts too), together with anything still pending. */
  retryFailed(runId: string): RunSummary {
    this.assertNotRunning(runId);
    if (this.store.reopenFailed(runId) === 0) throw new WorkbenchError('BAD_INPUT', 'This run has no failed samples to retry.');
    this.launch(runId);
    return this.summary(runId);
  }

  /** Resolves when the run stops executing (done, cancelled or interrupted). */
  async finished(runId: string): Promise<RunSummary> {
    const run = this.runs.get(runId);
    return run ? run.done : this.summary(runId);
  }

  list(options: RunListOptions): RunSummary[] {
    return this.store.list(options);
  }

  get(runId: string): RunDetail {
    const detail = this.store.detail(runId);
    if (!detail) throw notFound(runId);
    return detail;
  }

  sample(sampleId: string): SampleDetail {
    const detail = this.store.sampleDetail(sampleId);
    if (!detail) throw new WorkbenchError('NOT_FOUND', `There is no sample "${sampleId}"; its run may have been deleted.`);
    return detail;
  }

  /** At open: runs left 'running' by a dead process become 'interrupted'. */
  recoverInterrupted(): void {
    this.store.markInterrupted(this.deps.isAlive ?? processAlive);
  }

  /** On close: abort active runs and wait for them to settle; their unfinished samples stay pending and the runs become 'interrupted'. */
  async close(): Promise<void> {
    const settling = [...this.runs.values()].map((run) => {
      if (!run.controller.signal.aborted) {
        run.stop = 'close';
        run.controller.abort(new Error('The app is closing.'));
      }
      return run.done.catch(() => undefined);
    });
    await Promise.all(settling);
  }

  private summary(runId: string): RunSummary {
    const summary = this.store.summary(runId);
    if (!summary) throw notFound(runId);
    return summary;
  }

  private assertNotRunning(runId: string): { status: RunStatus } {
    const state = this.store.status(runId);
    if (!state) throw notFound(runId);
    const run = this.runs.get(runId);
    if (state.status === 'running' || (run && !run.controller.signal.aborted)) {
      throw new WorkbenchError('BAD_INPUT', 'This run is still running; cancel it first, or wait for it to finish.');
    }
    return state;
  }

  /** Starts executing the run's pending samples; a previous execution still settling (after a cancel) finishes first. */
  private launch(runId: string): void {
    tuneV8ForSampling();
    this.store.markRunning(runId, process.pid);
    const previous = this.runs.get(runId)?.done.catch(() => undefined);
    const controller = new AbortController();
    // Every provider of the run listens to this signal; more than ten is normal, not a leak.
    setMaxListeners(0, controller.signal);
    const control: RunControl = { controller, stop: null };
    const done = (async () => {
      await previous;
      return this.execute(runId, control);
    })().finally(() => {
      if (this.runs.get(runId) === run) {
        this.runs.delete(runId);
        this.activeIds.delete(runId);
      }
    });
    const run: ActiveRun = Object.assign(control, { done });
    this.runs.set(runId, run);
    this.activeIds.add(runId);
  }

  private async execute(runId: string, run: RunControl): Promise<RunSummary> {
    const { store, deps } = this;
    let tracker: RunProgressTracker | null = null;
    try {
      const settings = deps.database.settings.read();
      const setup = store.setup(runId);
      if (!setup) throw notFound(runId);
      const progress = new RunProgressTracker({ runId, start: this.summary(runId), events: deps.events, now: deps.now, intervalMs: deps.progressIntervalMs });
      tracker = progress;
      progress.begin();
      const outcome = await executeRun(
        {
          runId,
          setup,
          pending: store.pending(runId),
          limits: callLimits(settings.providers),
          pricing: settings.pricing,
          signal: run.controller.signal,
          onSample: (sample) => progress.sampleFinished(sample),
        },
        {
          store,
          provider: deps.provider,
          concurrency: deps.concurrency,
          sleep: deps.sleep ?? abortableSleep,
          random: deps.random ?? Math.random,
          retry: deps.retryPolicy ?? defaultRetryPolicy,
        },
      );
      this.settle(runId, run, outcome);
    } catch (error) {
      // A failure of our own (the disk is full, a provider threw): the samples left stay pending for a resume.
      const message = error instanceof Error ? error.message : String(error);
      if (run.stop !== 'cancel') store.finish(runId, 'interrupted', `The run stopped: ${message} Resume it to finish.`);
    }
    const summary = this.summary(runId);
    tracker?.end(summary);
    return summary;
  }

  /** The run's status once its execution has stopped. A cancel has already written its own. */
  private settle(runId: string, run: RunControl, outcome: ExecutionOutcome): void {
    if (run.stop === 'cancel') return;
    const counts = this.summary(runId);
    const left = `(${plural(counts.pending)} left)`;
    if (run.stop === 'close') {
      this.store.finish(runId, 'interrupted', `The app closed during this run ${left}. Resume it to finish.`);
    } else if (outcome.authFailures.length > 0) {
      const reasons = outcome.authFailures.map((failure) => failure.message).join(' ');
      this.store.finish(runId, 'interrupted', `${reasons} Fix the key in Settings, then resume the run.`);
    } else if (counts.pending > 0) {
      this.store.finish(runId, 'interrupted', `The run stopped early ${left}. Resume it to finish.`);
    } else {
      this.store.finish(runId, counts.cancelled > 0 ? 'cancelled' : 'done');
    }
  }
}

function notFound(runId: string): WorkbenchError {
  return new WorkbenchError('NOT_FOUND', `There is no run "${runId}"; it may have been deleted.`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
