// The theme lives in the workspace settings, which arrive a moment after the window opens.
// Remembering the last one locally lets the first frame already have the right colours.
import { Theme } from '../../../shared/settings';

const STORAGE_KEY = 'workbench.theme';

/** `system` removes the override, so `color-scheme: light dark` follows the OS again. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage can be unavailable (private mode, disabled); the setting still applies.
  }
}

export function rememberedTheme(): Theme {
  try {
    const parsed = Theme.safeParse(localStorage.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : 'system';
  } catch {
    return 'system';
  }
}
