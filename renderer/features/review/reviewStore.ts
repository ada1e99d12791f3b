// The review's UI-only state: where the focus is in each run, a pending cluster rating, the note
// being edited, the last announcement, and the preferences (saved, see reviewPrefs.ts).
import type { SampleRating } from '../../../shared/ratings';
import { createStore, useStore } from '../../app/createStore';
import { readPrefs, withBlind, writePrefs, type GridDensity, type GridRows, type ReviewPrefs } from './reviewPrefs';
import { isFiltering, NO_FILTER, type SampleFilter } from '../../lib/sampleFilter/sampleFilter';

export interface Announcement {
  /** The run it is about: another run's review does not repeat it. */
  runId: string;
  text: string;
  tone: 'info' | 'error';
  /** Changes with every announcement, so the same words said twice are still said. */
  seq: number;
}

interface ReviewState extends ReviewPrefs {
  /** Per run, the sample last focused (a run reopened picks up where it was left). */
  focused: Readonly<Record<string, string>>;
  armed: boolean;
  /** The sample whose note is open for editing. */
  noteFor: string | null;
  announcement: Announcement | null;
  /**
   * Ratings just given, shown in the same frame as the key that gave them. The run's cache gets
   * them too, but its subscribers hear of it a task later, behind whatever work is queued; this
   * is cleared once the core has answered (see useReviewCommands.ts).
   */
  shown: Readonly<Record<string, SampleRating>>;
  /** Per run, what the grid narrows down to (j/k walk only what it keeps); absent: the whole run. Mirrored in the link (ReviewScreen). */
  filters: Readonly<Record<string, SampleFilter>>;
  /** Cells (by cellKeyOf) showing their clusters' whole text rather than a few lines; this run only. */
  fullText: Readonly<Record<string, true>>;
  /** The focused sample's cell is open in full (every cluster, every member) over the grid. */
  expanded: boolean;
}

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

const store = createStore<ReviewState>({ ...readPrefs(storage), focused: {}, armed: false, noteFor: null, announcement: null, shown: {}, filters: {}, fullText: {}, expanded: false });

function savePrefs(): void {
  const { blindRuns, threshold, similarity, rows, density } = store.get();
  writePrefs(storage, { blindRuns, threshold, similarity, rows, density });
}

export function useReviewState<S>(selector: (state: ReviewState) => S): S {
  return useStore(store, selector);
}

export function getReviewState(): ReviewState {
  return store.get();
}

export function useBlind(runId: string): boolean {
  return useReviewState((state) => state.blindRuns.includes(runId));
}

export function useFilter(runId: string): SampleFilter {
  return useReviewState((state) => state.filters[runId] ?? NO_FILTER);
}

let seq = 0;

export const reviewActions = {
  focus: (runId: string, sampleId: string | null) =>
    store.set((state) => {
      if (sampleId === null) {
        const { [runId]: _dropped, ...rest } = state.focused;
        return { focused: rest, armed: false, noteFor: null };
      }
      if (state.focused[runId] === sampleId && !state.armed) return {};
      // A note left open belongs to the sample it was opened on.
      return { focused: { ...state.focused, [runId]: sampleId }, armed: false, noteFor: state.noteFor === sampleId ? sampleId : null };
    }),
  setArmed: (armed: boolean) => store.set({ armed }),
  show: (entries: readonly SampleRating[]) =>
    store.set((state) => ({ shown: { ...state.shown, ...Object.fromEntries(entries.map((entry) => [entry.sampleId, entry])) } })),
  /** Forgets these entries, unless a later rating of the same sample replaced them meanwhile. */
  unshow: (entries: readonly SampleRating[]) =>
    store.set((state) => {
      const shown = { ...state.shown };
      for (const entry of entries) if (shown[entry.sampleId] === entry) delete shown[entry.sampleId];
      return { shown };
    }),
  openNote: (sampleId: string) => store.set({ noteFor: sampleId, armed: false }),
  closeNote: () => store.set({ noteFor: null }),
  announce: (runId: string, text: string, tone: Announcement['tone'] = 'info') => store.set({ announcement: { runId, text, tone, seq: ++seq } }),
  setBlind: (runId: string, on: boolean) => {
    // An expanded cell names its model and temperature: blind mode closes it.
    store.set((state) => ({ blindRuns: withBlind(state.blindRuns, runId, on), armed: false, expanded: false }));
    savePrefs();
  },
  /** The run's whole filter (search and every choice); one that keeps everything is forgotten. */
  setFilter: (runId: string, filter: SampleFilter) =>
    store.set((state) => {
      const { [runId]: _dropped, ...rest } = state.filters;
      return { filters: isFiltering(filter) ? { ...rest, [runId]: filter } : rest, armed: false };
    }),
  setThreshold: (threshold: number) => {
    store.set({ threshold });
    savePrefs();
  },
  setSimilarity: (similarity: string | null) => {
    store.set({ similarity });
    savePrefs();
  },
  setRows: (rows: GridRows) => {
    store.set({ rows });
    savePrefs();
  },
  setDensity: (density: GridDensity) => {
    store.set({ density });
    savePrefs();
  },
  toggleFullText: (cellKey: string) =>
    store.set((state) => {
      const { [cellKey]: was, ...rest } = state.fullText;
      return { fullText: was ? rest : { ...rest, [cellKey]: true } };
    }),
  setExpanded: (expanded: boolean) => store.set({ expanded }),
  /** A run's review closing: the next one opens with every cell in a few lines and none expanded. */
  resetReading: () => store.set({ fullText: {}, expanded: false }),
};
