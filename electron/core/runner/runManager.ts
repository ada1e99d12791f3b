// The runner as the API layer sees it: start, cancel, resume and retry runs, read them back, and
// leave the database truthful when the app stops (interrupted runs keep their pending samples, which
// is exactly what a resume runs). Runs are shared with the other processes on the workspace (the
// app, `serve`, the command line): the process executing a run owns it (runOwnership.ts), so a run
// can be cancelled from any of them, and one whose owner died can be resumed from any other.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { Api } from '../../../shared/api';
import { WorkbenchError } from '../../../shared/errors';
import type { RunDetail, RunStatus, RunSummary, SampleDetail } from '../../../shared/runs';
import type { EventBus } from '../eventBus';
import type { ModelProvider } from '../providers/provider';
import type { WorkbenchDatabase } from '../store/database';
import type { OwnedRun, Owner, RunOwnerStore } from '../store/runOwnerStore';
import type { RunListOptions } from '../store/runReader';
import type { RunStore } from '../store/runStore';
import { endsHere, runEnd, type StopReason } from './runEnd';
import { processAlive } from '../processAlive';
import { ownerGone, RunHeartbeat, type RunLocation } from './runOwnership';
import { executeRun } from './runExecutor';
import type { RunPlan } from '../store/runPlan';
import { RunProgressTracker } from './runProgress';
import { abortableSleep, defaultRetryPolicy, type RetryPolicy } from './retryPolicy';
import { expandSamples } from './sampleMatrix';
import { callLimits } from './callLimits';

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
  /** Told when a run this process executed has ended done (every sample finished), after its last progress. */
  ended?: (runId: string) => void;
}

/**
 * How long the runner keeps trying to write finished samples and a run's end while another process
 * holds the lock. The answers wait in memory meanwhile and nobody waits on a request, so it is
 * more patient than a request is.
 */
const RUN_WRITE_PATIENCE_MS = 60_000;

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
  private readonly owners: RunOwnerStore;
  /** This process as the owner of the runs it executes; the token tells its runs apart from those of an earlier process with the same pid. */
  private readonly owner: Owner = { pid: process.pid, token: randomUUID() };
  private readonly heartbeat: RunHeartbeat;

  constructor(private readonly deps: RunManagerDeps) {
    this.store = deps.database.runs;
    this.owners = deps.database.owners;
    this.heartbeat = new RunHeartbeat({
      executing: () => [...this.runs].filter(([, run]) => !run.controller.signal.aborted).map(([runId]) => runId),
      beat: (runIds) => deps.database.writeIfFree(() => this.owners.beat(runIds, this.owner.token, now())),
      lost: (runId) => this.stopHere(runId, 'elsewhere', 'The run was cancelled or resumed from another process.'),
    });
  }

  /** Ids of runs executing in this process (including one still settling after a cancel). */
  get active(): ReadonlySet<string> {
    return this.activeIds;
  }

  /** Writes the run and all sample rows (pending), starts executing in the background, returns the summary right away. */
  async start(plan: RunPlan): Promise<RunSummary> {
    const specs = expandSamples(plan.request, plan.cases.map((planned) => planned.name), plan.skipped);
    if (specs.length === 0) throw new WorkbenchError('BAD_INPUT', 'The run has no cases to sample; add a case or give the prompt input defaults.');
    const runId = await this.deps.database.write(() => this.store.create(plan, specs, this.owner.pid, this.owner.token));
    this.launch(runId);
    return this.summary(runId);
  }

  /**
   * Cancels the run wherever it executes: here (its calls are aborted at once), in another live
   * process (which notices at its next heartbeat and aborts its calls; answers that arrive late
   * find their samples cancelled and are dropped), or nowhere any more (its owner died). A run
   * that is not running is left as it is.
   */
  async cancel(runId: string): Promise<RunSummary> {
    // Abort first: from here no answer of this execution is written, so the rest can be marked now.
    this.stopHere(runId, 'cancel', 'The run was cancelled.');
    // Read again when the owner changed while the write waited for the lock (it finished, or another process took the run).
    for (let attempt = 0; attempt < 3; attempt++) {
      const state = this.owners.state(runId);
      if (!state) throw notFound(runId);
      if (state.status !== 'running') break;
      if (await this.deps.database.write(() => this.owners.cancel(runId, state.token, now()))) break;
    }
    return this.summary(runId);
  }

  /** Runs every sample still pending or cancelled. */
  resume(runId: string): Promise<RunSummary> {
    return this.take(runId, (status) => {
      const reopened = this.store.reopenCancelled(runId);
      // A finished run has nothing to resume; leave it (and its finish time) alone.
      return !(status === 'done' && reopened === 0 && this.store.pendingCount(runId) === 0);
    });
  }

  /** Errored samples start over (their attempts count restarts too), together with anything still pending. */
  retryFailed(runId: string): Promise<RunSummary> {
    return this.take(runId, () => {
      if (this.store.reopenFailed(runId) === 0) throw new WorkbenchError('BAD_INPUT', 'This run has no failed samples to retry.');
      return true;
    });
  }

  /** Resolves when the run stops executing (done, cancelled or interrupted). */
  async finished(runId: string): Promise<RunSummary> {
    const run = this.runs.get(runId);
    return run ? run.done : this.summary(runId);
  }

  /** Where the run executes; null when it is not running. */
  location(runId: string): RunLocation | null {
    const state = this.owners.state(runId);
    if (!state) throw notFound(runId);
    if (state.status !== 'running') return null;
    const here = state.token === this.owner.token && this.runs.has(runId);
    return { pid: state.pid, here, orphaned: this.isOrphaned(state) };
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

  /**
   * At open: runs whose owner is gone become 'interrupted'. Best effort: skipped while another
   * process holds the lock (a resume, retry or cancel of such a run checks it again).
   */
  recoverInterrupted(): void {
    const orphans = this.owners.running().filter((run) => this.isOrphaned(run));
    if (orphans.length > 0) this.deps.database.writeIfFree(() => this.owners.interrupt(orphans, now()));
  }

  /** On close: abort active runs and wait for them to settle; their unfinished samples stay pending and the runs become 'interrupted'. */
  async close(): Promise<void> {
    for (const runId of this.runs.keys()) this.stopHere(runId, 'close', 'The app is closing.');
    await Promise.all([...this.runs.values()].map((run) => run.done.catch(() => undefined)));
    this.heartbeat.stop();
  }

  private summary(runId: string): RunSummary {
    const summary = this.store.summary(runId);
    if (!summary) throw notFound(runId);
    return summary;
  }

  /**
   * Takes a run that is not running for this process and executes what `prepare` leaves pending.
   * A run whose owner is gone is taken from it first, at the moment of the request.
   */
  private async take(runId: string, prepare: (status: RunStatus) => boolean): Promise<RunSummary> {
    const state = this.owners.state(runId);
    if (state?.status === 'running' && this.isOrphaned(state)) await this.deps.database.write(() => this.owners.interrupt([state], now()));
    const result = await this.deps.database.write(() => this.owners.take(runId, this.owner, now(), prepare));
    if (result === 'missing') throw notFound(runId);
    if (result === 'running') throw new WorkbenchError('BAD_INPUT', 'This run is still running; cancel it first, or wait for it to finish.');
    if (result === 'taken') this.launch(runId);
    return this.summary(runId);
  }

  private isOrphaned(run: OwnedRun): boolean {
    // This process knows its own runs without asking the heartbeat.
    if (run.token !== null && run.token === this.owner.token) return !this.runs.has(run.runId);
    return ownerGone(run, Date.now(), this.deps.isAlive ?? processAlive);
  }

  /** Stops this process's execution of the run, if one is going; `stop` says who writes the run's end. */
  private stopHere(runId: string, stop: StopReason, reason: string): void {
    const run = this.runs.get(runId);
    if (!run || run.controller.signal.aborted) return;
    run.stop = stop;
    run.controller.abort(new Error(reason));
  }

  /** Ends the run's record, if this process still owns it. */
  private release(runId: string, status: Exclude<RunStatus, 'running'>, stopReason: string | null = null): Promise<boolean> {
    return this.deps.database.write(() => this.owners.release(runId, this.owner.token, status, stopReason, now()), RUN_WRITE_PATIENCE_MS);
  }

  /** Starts executing the run's pending samples; a previous execution still settling (after a cancel) finishes first. */
  private launch(runId: string): void {
    // An execution still going here lost the run to another process, which has since given it back to this one: it stops first.
    this.stopHere(runId, 'elsewhere', 'The run was taken over.');
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
    this.heartbeat.start();
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
          waitForLock: (write) => deps.database.write(write, RUN_WRITE_PATIENCE_MS),
        },
      );
      const end = runEnd(run.stop, outcome, this.summary(runId));
      if (end) await this.release(runId, end.status, end.reason);
    } catch (error) {
      // A failure of our own (the disk is full, the database locked too long, a provider threw): the samples left stay pending for a resume.
      const explained = deps.database.explain(error);
      const message = explained instanceof Error ? explained.message : String(explained);
      // If even this cannot be written, the run is left to look orphaned once this process stops beating for it.
      if (endsHere(run.stop)) await this.release(runId, 'interrupted', `The run stopped: ${message} Resume it to finish.`).catch(() => false);
    }
    const summary = this.summary(runId);
    tracker?.end(summary);
    if (summary.status === 'done') deps.ended?.(runId);
    return summary;
  }
}

function notFound(runId: string): WorkbenchError {
  return new WorkbenchError('NOT_FOUND', `There is no run "${runId}"; it may have been deleted.`);
}

const now = () => new Date().toISOString();
