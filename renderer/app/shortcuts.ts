// The keyboard shortcuts that exist today; the overlay lists exactly these.

export interface Shortcut {
  /** Alternatives, each a sequence of key caps, e.g. [['↑', '↓'], ['j', 'k']]. */
  keys: string[][];
  description: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Prompts',
    shortcuts: [
      { keys: [['/']], description: 'Filter prompts' },
      { keys: [['Esc']], description: 'Clear the filter (again: leave it)' },
      { keys: [['↓']], description: 'From the filter, go to the list' },
      { keys: [['↑', '↓'], ['j', 'k']], description: 'Move through the list' },
      { keys: [['Home'], ['End']], description: 'First or last prompt' },
      { keys: [['Enter']], description: 'Open the prompt' },
    ],
  },
  {
    title: 'General',
    shortcuts: [
      { keys: [['?']], description: 'Show keyboard shortcuts' },
      { keys: [['Esc']], description: 'Close this panel' },
    ],
  },
];
