// The Runs page's rows: which runs show (a prompt, words of the label) and in what order. Pinned
// runs always come first, in the order they were pinned; the chosen column orders the rest and,
// separately, the pinned ones among themselves.
import type { RunOverview } from '../../../shared/runs';
import { runVersionLabel } from '../../../shared/runVersion';

export const SORT_KEYS = ['label', 'prompt', 'version', 'status', 'samples', 'coverage', 'mean', 'passRate', 'started'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Newest first, as every list of runs opens. */
export const DEFAULT_SORT: Sort = { key: 'started', descending: true };

export interface RunFilter {
  /** Only this prompt's runs; null for all. */
  prompt: string | null;
  /** Words the label (or, for runs without one, nothing) must contain, any case. */
  text: string;
}

/** Share of the ok samples that carry a rating; null when none finished ok. */
export function coverage(entry: RunOverview): number | null {
  return entry.run.ok > 0 ? Math.min(1, entry.rated / entry.run.ok) : null;
}

/** Finished samples (ok or failed) over those planned. */
export function finishedCount(entry: RunOverview): number {
  return entry.run.ok + entry.run.errors;
}

export function filterRuns(entries: readonly RunOverview[], filter: RunFilter): RunOverview[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (filter.prompt !== null && entry.run.prompt !== filter.prompt) return false;
    const label = (entry.run.label ?? '').toLowerCase();
    return words.every((word) => label.includes(word));
  });
}

/**
 * Pinned first (earliest pinned on top, so a new pin does not push the others down), then the
 * rest by the column. Runs without a value for the column (no ratings, no pass rate yet) go last
 * whichever the direction, so sorting never puts blanks on top; ties fall back to newest first.
 */
export function sortRuns(entries: readonly RunOverview[], sort: Sort, passRates: ReadonlyMap<string, number | null>): RunOverview[] {
  const value = valueOf(sort.key, passRates);
  const sign = sort.descending ? -1 : 1;
  return [...entries].sort((a, b) => {
    const pinA = a.run.pinnedAt;
    const pinB = b.run.pinnedAt;
    if ((pinA === null) !== (pinB === null)) return pinA === null ? 1 : -1;
    const byColumn = compareValues(value(a), value(b), sign);
    if (byColumn !== 0) return byColumn;
    return b.run.createdAt.localeCompare(a.run.createdAt) || b.run.runId.localeCompare(a.run.runId);
  });
}

type Value = string | number | null;

function compareValues(a: Value, b: Value, sign: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

function valueOf(key: SortKey, passRates: ReadonlyMap<string, number | null>): (entry: RunOverview) => Value {
  switch (key) {
    case 'label':
      return (entry) => entry.run.label;
    case 'prompt':
      return (entry) => entry.run.prompt;
    case 'version':
      return (entry) => runVersionLabel(entry.run);
    case 'status':
      return (entry) => entry.run.status;
    case 'samples':
      return (entry) => entry.run.total;
    case 'coverage':
      return coverage;
    case 'mean':
      return (entry) => entry.meanRating;
    case 'passRate':
      return (entry) => passRates.get(entry.run.runId) ?? null;
    case 'started':
      return (entry) => entry.run.createdAt;
  }
}
