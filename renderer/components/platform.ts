// How the command key is written on this machine: ⌘ on Apple platforms, Ctrl elsewhere.
const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export const MOD_KEY = isApple ? '⌘' : 'Ctrl';

/** A command-key shortcut as one label, e.g. "Ctrl+S" or "⌘S". */
export function modShortcut(key: string): string {
  return isApple ? `⌘${key}` : `Ctrl+${key}`;
}
