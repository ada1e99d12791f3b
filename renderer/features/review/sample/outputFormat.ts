// How sample outputs are shown: as plain text or as sanitised markdown. One choice for every
// sample, remembered across launches, because a reviewer reads a whole run in one mode.
import { createStore, useStore } from '../../../app/createStore';

export type OutputFormat = 'text' | 'markdown';

const STORAGE_KEY = 'workbench.sampleOutputFormat';

function readStored(): OutputFormat {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'markdown' ? 'markdown' : 'text';
  } catch {
    // Storage can be unavailable (private windows, tests); plain text is the safe default.
    return 'text';
  }
}

const store = createStore<{ format: OutputFormat }>({ format: readStored() });

export function useOutputFormat(): OutputFormat {
  return useStore(store, (state) => state.format);
}

export function setOutputFormat(format: OutputFormat): void {
  store.set({ format });
  try {
    localStorage.setItem(STORAGE_KEY, format);
  } catch {
    // Not remembered, but the choice still holds for this window.
  }
}
