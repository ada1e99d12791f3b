// The grid's metrics, computed without holding up the page. Every cell first gets quick metrics
// (quickMetrics.ts); the full ones are then computed a slice of a few milliseconds at a time, so
// keys and scrolling stay responsive while a 5,000-sample run (or a new threshold) is worked
// through. Results are kept per cell with the samples, threshold and embedding they were made
// from: a batch of new samples recomputes only the cells it touched, and while a new threshold is
// being worked through each cell shows its last full result rather than falling back to quick.
import { cellKeyOf, type CellKey } from '../../../shared/cellStats';
import type { EmbeddingSimilarity, SampleRating } from '../../../shared/ratings';
import type { RunSummary, Sample } from '../../../shared/runs';
import { metricsForCell, type CellMetrics } from '../../../shared/variance/cellMetrics';
import { quickMetrics } from './quickMetrics';

export interface CellGroup {
  key: string;
  cell: CellKey;
  samples: readonly Sample[];
}

export interface MetricsSettings {
  threshold: number;
  embedding: EmbeddingSimilarity | null;
  outputSchema: Record<string, unknown> | null;
}

interface Entry {
  samples: readonly Sample[];
  settings: MetricsSettings;
  metrics: CellMetrics;
}

/** Work per slice before yielding to input and painting. */
const SLICE_MS = 8;
/**
 * How often finished cells are shown while the rest are still being computed: every publish
 * re-renders the grid, so rarely (the cells on screen come first and land in the first one).
 */
const PUBLISH_MS = 250;
const NO_RATINGS: ReadonlyMap<string, SampleRating> = new Map();

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
  private readonly quick = new Map<string, { samples: readonly Sample[]; metrics: CellMetrics }>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private last: { groups: readonly CellGroup[]; settings: MetricsSettings; version: number; view: { cells: CellMetrics[]; exact: number } } | null = null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

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
   * Computes every cell not yet up to date, a slice at a time, in the order given (the grid's, so
   * the first rows on screen come first); the returned `cancel` stops it.
   */
  fill(groups: readonly CellGroup[], settings: MetricsSettings, yieldToPage: (next: () => void) => void = nextTask): { cancel(): void; done: Promise<void> } {
    const todo = groups.filter((group) => !this.isExact(group, settings));
    let cancelled = false;
    let lastPublished = now();
    let dirty = false;
    const done = new Promise<void>((resolve) => {
      const step = () => {
        if (cancelled) return resolve();
        const started = now();
        // At least one cell per slice, so waiting input can slow the work down but never stall it.
        while (todo.length > 0) {
          const group = todo.shift() as CellGroup;
          const options = { threshold: settings.threshold, ratings: NO_RATINGS, outputSchema: settings.outputSchema, embedding: settings.embedding };
          this.full.set(group.key, { samples: group.samples, settings, metrics: metricsForCell(group.cell, group.samples, options) });
          dirty = true;
          if (now() - started >= SLICE_MS || inputPending()) break;
        }
        if (dirty && (todo.length === 0 || now() - lastPublished >= PUBLISH_MS)) {
          this.publish();
          dirty = false;
          lastPublished = now();
        }
        if (todo.length === 0) return resolve();
        yieldToPage(step);
      };
      if (todo.length === 0) resolve();
      else yieldToPage(step);
    });
    return { cancel: () => (cancelled = true), done };
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

const now = () => performance.now();

/** Chromium says when a key or click is waiting, so a slice can end early and let it through. */
function inputPending(): boolean {
  const scheduling = (globalThis.navigator as { scheduling?: { isInputPending?: () => boolean } } | undefined)?.scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

/** A macrotask without setTimeout's 4 ms clamp, so slices follow each other closely. */
function nextTask(next: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    next();
  };
  channel.port2.postMessage(null);
}
