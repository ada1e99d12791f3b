// The window's own preferences, kept in this browser profile so a reload finds the window as it was
// left: for now, whether the prompt library is collapsed (more room for a run's grid).
export interface ShellPrefs {
  sidebarCollapsed: boolean;
}

const KEY = 'workbench.shell';

export const DEFAULT_SHELL_PREFS: ShellPrefs = { sidebarCollapsed: false };

/** What was saved, each field checked (a hand-edited entry falls back to the defaults). */
export function readShellPrefs(storage: Pick<Storage, 'getItem'> | undefined): ShellPrefs {
  let saved: Partial<Record<keyof ShellPrefs, unknown>> = {};
  try {
    const raw = storage?.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed !== null && typeof parsed === 'object') saved = parsed as typeof saved;
  } catch {
    // Unreadable or blocked storage: defaults.
  }
  return { sidebarCollapsed: saved.sidebarCollapsed === true };
}

export function writeShellPrefs(storage: Pick<Storage, 'setItem'> | undefined, prefs: ShellPrefs): void {
  try {
    storage?.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Full or blocked storage: the preference lasts for this session only.
  }
}
