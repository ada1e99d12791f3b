// The review's preferences, kept in this browser profile so a reload finds them as they were:
// which runs are in blind mode (per run), the similarity threshold and source, the grid's rows and
// its density.
export type GridRows = 'cases' | 'models';
/** Comfortable: three lines of each cluster and room around them; compact: two lines, more columns. */
export type GridDensity = 'comfortable' | 'compact';

export interface ReviewPrefs {
  /** Runs reviewed blind. */
  blindRuns: string[];
  threshold: number;
  /** An embedding model id, or null for the lexical measure. */
  similarity: string | null;
  rows: GridRows;
  density: GridDensity;
}

export const DEFAULT_THRESHOLD = 0.8;
const KEY = 'workbench.review';
/** Enough for every run anyone reviews blind; the oldest fall off first. */
const MAX_BLIND_RUNS = 500;

export const DEFAULT_PREFS: ReviewPrefs = { blindRuns: [], threshold: DEFAULT_THRESHOLD, similarity: null, rows: 'cases', density: 'comfortable' };

/** What was saved, each field checked (a hand-edited or older entry falls back field by field). */
export function readPrefs(storage: Pick<Storage, 'getItem'> | undefined): ReviewPrefs {
  let saved: Partial<Record<keyof ReviewPrefs, unknown>> = {};
  try {
    const raw = storage?.getItem(KEY);
    if (raw) saved = JSON.parse(raw) as typeof saved;
  } catch {
    // Unreadable or blocked storage: defaults.
  }
  const { blindRuns, threshold, similarity, rows, density } = saved;
  return {
    blindRuns: Array.isArray(blindRuns) ? blindRuns.filter((id): id is string => typeof id === 'string') : [],
    threshold: typeof threshold === 'number' && threshold >= 0 && threshold <= 1 ? threshold : DEFAULT_THRESHOLD,
    similarity: typeof similarity === 'string' && similarity ? similarity : null,
    rows: rows === 'models' ? 'models' : 'cases',
    density: density === 'compact' ? 'compact' : 'comfortable',
  };
}

export function writePrefs(storage: Pick<Storage, 'setItem'> | undefined, prefs: ReviewPrefs): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ ...prefs, blindRuns: prefs.blindRuns.slice(-MAX_BLIND_RUNS) }));
  } catch {
    // Full or blocked storage: the preference lasts for this session only.
  }
}

export function withBlind(blindRuns: readonly string[], runId: string, on: boolean): string[] {
  const others = blindRuns.filter((id) => id !== runId);
  return on ? [...others, runId] : others;
}
