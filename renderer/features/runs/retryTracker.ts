// The samples "Retry failed" last ran again, per run, from the click until the person dismisses
// what became of them (RetryStatus). Kept for the session only: a retry's outcome is news, not history.
import { createStore, useStore } from '../../app/createStore';

export interface Retry {
  sampleIds: readonly string[];
  /** When it was asked (ISO): results finished before it are the old ones. */
  since: string;
}

const store = createStore<{ retried: Readonly<Record<string, Retry>> }>({ retried: {} });

export function startRetry(runId: string, retry: Retry): void {
  store.set((state) => ({ retried: { ...state.retried, [runId]: retry } }));
}

export function dismissRetry(runId: string): void {
  store.set((state) => {
    const { [runId]: _dismissed, ...rest } = state.retried;
    return { retried: rest };
  });
}

/** The last retry of this run, or null when there is nothing to report. */
export function useRetried(runId: string): Retry | null {
  return useStore(store, (state) => state.retried[runId] ?? null);
}
