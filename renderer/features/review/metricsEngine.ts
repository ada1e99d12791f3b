// The grid's metrics, computed without holding up the page. Every cell first gets quick metrics
// (quickMetrics.ts), counted on the page at once; the full ones are computed by a Web Worker
// (metricsWorker.ts) and shown as its batches arrive. Results are kept per cell with the samples,
// threshold and embedding they were made from: a batch of new samples recomputes only the cells it
// touched, and while a new threshold is being worked through each cell shows its last full result
// rather than falling back to quick.
import { cellKeyOf, type CellKey } from '../../../shared/cellStats';
import type { RunSummary, Sample } from '../../../shared/runs';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import type { FromMetricsWorker, JobCell, MessagePortLike, MetricsSettings, ToMetricsWorker } from './metricsMessages';
import { quickMetrics } from './quickMetrics';

export interface CellGroup {
  key: string;
  cell: CellKey;
  samples: readonly Sample[];
}

interface Entry {
  samples: readonly Sample[];
  settings: MetricsSettings;
  metrics: CellMetrics;
}

/** The worker, or in tests a MessagePort served in the same thread. */
export interface MetricsChannel extends MessagePortLike<FromMetricsWorker, ToMetricsWorker> {
  terminate(): void;
}

interface Job {
  groups: ReadonlyMap<string, CellGroup>;
  settings: MetricsSettings;
  finish(): void;
}

/** The run's samples by cell, in the run's order: models × temperatures × cases. */
export function groupCells(samples: readonly Sample[], axes: Pick<RunSummary, 'models' | 'temperatures' | 'cases'>): CellGroup[] {
  const byKey = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = cellKeyOf(sample);
    const list = byKey.get(key);
    if (list) list.push(sample);
    else byKey.set(key, [sample]);
  }
  const groups: CellGroup[] = [];
  for (const model of axes.models) {
    for (const temperature of axes.temperatures) {
      for (const caseName of axes.cases) {
        const cell = { model, temperature, case: caseName };
        const key = cellKeyOf(cell);
        const list = byKey.get(key);
        if (list) groups.push({ key, cell, samples: list });
      }
    }
  }
  return groups;
}

export class MetricsEngine {
  private readonly full = new Map<string, Entry>();
  private channel: MetricsChannel | null = null;
  /** Per cell, the samples the worker holds, so a job leaves out the ones it has. */
  private readonly sent = new Map<string, readonly Sample[]>();
  private readonly jobs = new Map<number, Job>();
  private lastJob = 0;
  private readonly quick = new Map<string, { samples: readonly Sample[]; metrics: CellMetrics }>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private last: { groups: readonly CellGroup[]; settings: MetricsSettings; version: number; view: { cells: CellMetrics[]; exact: number } } | null = null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** `connect` starts the worker (useReviewMetrics.ts); it is started on first use, again after `dispose`. */
  constructor(private readonly connect: () => MetricsChannel) {}

  getVersion = (): number => this.version;

  /** What each cell shows now, and how many of them are exactly up to date; the same object until something moved. */
  current(groups: readonly CellGroup[], settings: MetricsSettings): { cells: CellMetrics[]; exact: number } {
    const last = this.last;
    if (last && last.groups === groups && last.settings === settings && last.version === this.version) return last.view;
    const view = this.compute(groups, settings);
    this.last = { groups, settings, version: this.version, view };
    return view;
  }

  private compute(groups: readonly CellGroup[], settings: MetricsSettings): { cells: CellMetrics[]; exact: number } {
    let exact = 0;
    const cells = groups.map((group) => {
      const entry = this.full.get(group.key);
      if (entry && sameItems(entry.samples, group.samples)) {
        if (sameSettings(entry.settings, settings)) exact += 1;
        return entry.metrics;
      }
      return this.quickFor(group);
    });
    return { cells, exact };
  }

  /**
   * Has the worker compute every cell not yet up to date, in the order given (the grid's, so the
   * first rows on screen come first). A newer fill replaces this one in the worker; `cancel` stops
   * it, and `done` resolves once the worker has let go of it.
   */
  fill(groups: readonly CellGroup[], settings: MetricsSettings): { cancel(): void; done: Promise<void> } {
    const todo = groups.filter((group) => !this.isExact(group, settings));
    if (todo.length === 0) return { cancel: () => undefined, done: Promise.resolve() };
    const channel = this.open();
    const job = ++this.lastJob;
    const done = new Promise<void>((finish) => this.jobs.set(job, { groups: new Map(todo.map((group) => [group.key, group])), settings, finish }));
    const cells = todo.map((group): JobCell => {
      const held = this.sent.get(group.key);
      if (held && sameItems(held, group.samples)) return { key: group.key, cell: group.cell };
      this.sent.set(group.key, group.samples);
      return { key: group.key, cell: group.cell, samples: group.samples };
    });
    channel.postMessage({ type: 'compute', job, cells, settings });
    const cancel = () => {
      if (this.jobs.has(job) && this.channel === channel) channel.postMessage({ type: 'cancel', job });
    };
    return { cancel, done };
  }

  /** Stops the worker; pending fills end without their results. */
  dispose(): void {
    this.channel?.terminate();
    this.channel = null;
    this.sent.clear();
    for (const job of this.jobs.values()) job.finish();
    this.jobs.clear();
  }

  private open(): MetricsChannel {
    if (this.channel) return this.channel;
    const channel = this.connect();
    channel.onmessage = ({ data }) => this.receive(data);
    this.channel = channel;
    return channel;
  }

  /** Keeps each result with the samples and settings it was computed from, whichever job is current now. */
  private receive({ job: id, results, done }: FromMetricsWorker): void {
    const job = this.jobs.get(id);
    if (!job) return;
    for (const { key, metrics } of results) {
      const group = job.groups.get(key);
      if (group) this.full.set(key, { samples: group.samples, settings: job.settings, metrics });
    }
    if (results.length > 0) this.publish();
    if (done) {
      this.jobs.delete(id);
      job.finish();
    }
  }

  private isExact(group: CellGroup, settings: MetricsSettings): boolean {
    const entry = this.full.get(group.key);
    return entry !== undefined && sameItems(entry.samples, group.samples) && sameSettings(entry.settings, settings);
  }

  private quickFor(group: CellGroup): CellMetrics {
    const cached = this.quick.get(group.key);
    if (cached && sameItems(cached.samples, group.samples)) return cached.metrics;
    const metrics = quickMetrics(group.cell, group.samples);
    this.quick.set(group.key, { samples: group.samples, metrics });
    return metrics;
  }

  private publish(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}

function sameSettings(a: MetricsSettings, b: MetricsSettings): boolean {
  return a.threshold === b.threshold && a.embedding === b.embedding && a.outputSchema === b.outputSchema;
}

/** Samples keep their identity until they change (see runCache.ts), so this tells a cell that moved. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((item, index) => item === b[index]));
}
