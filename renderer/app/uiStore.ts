// State that lives only in this window and never goes to the core.
import type { RunRequest } from '../../shared/runs';
import { createStore, useStore } from './createStore';
import { readShellPrefs, writeShellPrefs } from './shellPrefs';

/** What the History tab shows: one version, or the changes between two sides. */
export interface HistoryView {
  /** A commit id, or `working` for the draft. */
  selected: string | null;
  mode: 'source' | 'changes';
  /** The other side of the comparison; null means "the previous version". */
  compareWith: string | null;
  layout: 'split' | 'inline';
}

/** The run dialog, open for one prompt; a preset repeats an earlier run's settings. */
export interface RunDialogState {
  prompt: string;
  preset: RunRequest | null;
  /** Changes on every opening, so the form starts afresh. */
  openedAt: number;
}

export const DEFAULT_HISTORY_VIEW: HistoryView = { selected: null, mode: 'changes', compareWith: null, layout: 'split' };

interface UiState {
  /** The sidebar's filter text. */
  promptFilter: string;
  shortcutsOpen: boolean;
  newPromptOpen: boolean;
  /** Per prompt: the case the previews render. */
  previewCase: Readonly<Record<string, string>>;
  /** Per prompt: what the History tab shows. */
  historyView: Readonly<Record<string, HistoryView>>;
  runDialog: RunDialogState | null;
  /** The prompt library is folded to a narrow rail (saved, see shellPrefs.ts). */
  sidebarCollapsed: boolean;
}

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

const uiStore = createStore<UiState>({
  ...readShellPrefs(storage),
  promptFilter: '',
  shortcutsOpen: false,
  newPromptOpen: false,
  previewCase: {},
  historyView: {},
  runDialog: null,
});

export function useUiState<S>(selector: (state: UiState) => S): S {
  return useStore(uiStore, selector);
}

export const uiActions = {
  setPromptFilter: (promptFilter: string) => uiStore.set({ promptFilter }),
  openShortcuts: () => uiStore.set({ shortcutsOpen: true }),
  closeShortcuts: () => uiStore.set({ shortcutsOpen: false }),
  toggleShortcuts: () => uiStore.set((state) => ({ shortcutsOpen: !state.shortcutsOpen })),
  openNewPrompt: () => uiStore.set({ newPromptOpen: true }),
  closeNewPrompt: () => uiStore.set({ newPromptOpen: false }),
  openRunDialog: (prompt: string, preset: RunRequest | null = null) => uiStore.set({ runDialog: { prompt, preset, openedAt: Date.now() } }),
  closeRunDialog: () => uiStore.set({ runDialog: null }),
  toggleSidebar: () => {
    uiStore.set((state) => ({ sidebarCollapsed: !state.sidebarCollapsed }));
    writeShellPrefs(storage, { sidebarCollapsed: uiStore.get().sidebarCollapsed });
  },
  setPreviewCase: (prompt: string, caseName: string) =>
    uiStore.set((state) => ({ previewCase: { ...state.previewCase, [prompt]: caseName } })),
  updateHistoryView: (prompt: string, patch: Partial<HistoryView>) =>
    uiStore.set((state) => ({
      historyView: { ...state.historyView, [prompt]: { ...(state.historyView[prompt] ?? DEFAULT_HISTORY_VIEW), ...patch } },
    })),
  /** A renamed prompt keeps its UI state; a deleted one drops it. */
  movePromptState: (from: string, to: string | null) =>
    uiStore.set((state) => ({ previewCase: moveKey(state.previewCase, from, to), historyView: moveKey(state.historyView, from, to) })),
};

function moveKey<V>(record: Readonly<Record<string, V>>, from: string, to: string | null): Record<string, V> {
  const { [from]: value, ...rest } = record;
  return to !== null && value !== undefined ? { ...rest, [to]: value } : rest;
}

/** The case a prompt's previews use: the chosen one while it exists, else the first. */
export function usePreviewCase(prompt: string, caseNames: readonly string[]): string | undefined {
  const chosen = useUiState((state) => state.previewCase[prompt]);
  return chosen !== undefined && caseNames.includes(chosen) ? chosen : caseNames[0];
}

export function useHistoryView(prompt: string): HistoryView {
  return useUiState((state) => state.historyView[prompt] ?? DEFAULT_HISTORY_VIEW);
}
