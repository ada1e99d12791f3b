// State that lives only in this window and never goes to the core.
import { createStore, useStore } from './createStore';

interface UiState {
  /** The sidebar's filter text. */
  promptFilter: string;
  shortcutsOpen: boolean;
}

const uiStore = createStore<UiState>({ promptFilter: '', shortcutsOpen: false });

export function useUiState<S>(selector: (state: UiState) => S): S {
  return useStore(uiStore, selector);
}

export const uiActions = {
  setPromptFilter: (promptFilter: string) => uiStore.set({ promptFilter }),
  openShortcuts: () => uiStore.set({ shortcutsOpen: true }),
  closeShortcuts: () => uiStore.set({ shortcutsOpen: false }),
  toggleShortcuts: () => uiStore.set((state) => ({ shortcutsOpen: !state.shortcutsOpen })),
};
