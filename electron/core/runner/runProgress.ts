// Progress of one executing run, for the UI: counts, a rate over the last few seconds and an ETA.
// Finished samples are batched and published together with the progress at most every
// `intervalMs`, so a run of thousands of samples per second costs the UI a few events per second;
// the final state is always published when the run stops.
import type { Api } from '../../../shared/api';
import type { RunProgress, RunStatus, RunSummary, Sample } from '../../../shared/runs';
import type { EventBus } from '../eventBus';

export interface ProgressOptions {
  runId: string;
  /** The run's counts when this execution starts (a resume starts part way). */
  start: Pick<RunSummary, 'total' | 'ok' | 'errors' | 'pending'>;
  events: EventBus<Api>;
  now?: () => number;
  intervalMs?: number;
  /** The rate is measured over about this long. */
  windowMs?: number;
}

interface Checkpoint {
  at: number;
  finished: number;
}

/** Below this much elapsed time a rate is mostly noise. */
const MIN_RATE_SPAN_MS = 500;

export class RunProgressTracker {
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly windowMs: number;
  private readonly total: number;
  private ok: number;
  private errors: number;
  /** Finished in this execution, for the rate and what is left. */
  private finished = 0;
  private readonly toRun: number;
  private batch: Sample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastEmit = Number.NEGATIVE_INFINITY;
  private readonly checkpoints: Checkpoint[];

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? 200;
    this.windowMs = options.windowMs ?? 5000;
    this.total = options.start.total;
    this.ok = options.start.ok;
    this.errors = options.start.errors;
    this.toRun = options.start.pending;
    this.checkpoints = [{ at: this.now(), finished: 0 }];
  }

  /** Publishes the starting point, so the UI shows the run as running at once. */
  begin(): void {
    this.emit('running', null);
  }

  sampleFinished(sample: Sample): void {
    if (sample.status === 'ok') this.ok++;
    else this.errors++;
    this.finished++;
    // Kept for up to intervalMs only when someone takes them (a live grid); the CLI does not.
    if (this.options.events.listening('runSamples')) this.batch.push(sample);
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastEmit + this.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.emit('running', null);
    }, wait);
  }

  /** The last word: what is left of the batch, then the run's final state. */
  end(summary: RunSummary): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.ok = summary.ok;
    this.errors = summary.errors;
    this.emit(summary.status, summary.stopReason);
  }

  private emit(status: RunStatus, stopReason: string | null): void {
    const now = this.now();
    this.lastEmit = now;
    if (this.batch.length > 0) {
      const samples = this.batch;
      this.batch = [];
      this.options.events.emit('runSamples', { runId: this.options.runId, samples });
    }
    const rate = this.rate(now);
    const left = Math.max(0, this.toRun - this.finished);
    const progress: RunProgress = {
      runId: this.options.runId,
      status,
      total: this.total,
      done: this.ok + this.errors,
      ok: this.ok,
      errors: this.errors,
      rate,
      etaMs: status === 'running' && rate > 0 ? Math.round((left / rate) * 1000) : null,
      stopReason,
    };
    this.options.events.emit('runProgress', progress);
  }

  /** Samples per second since the newest checkpoint that is at least `windowMs` old (or the start). */
  private rate(now: number): number {
    this.checkpoints.push({ at: now, finished: this.finished });
    while (this.checkpoints.length > 2 && (this.checkpoints[1] as Checkpoint).at <= now - this.windowMs) this.checkpoints.shift();
    const base = this.checkpoints[0] as Checkpoint;
    const span = now - base.at;
    if (span < MIN_RATE_SPAN_MS) return 0;
    return ((this.finished - base.finished) * 1000) / span;
  }
}
