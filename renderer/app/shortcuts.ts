// The keyboard shortcuts that exist today; the overlay lists exactly these.
import { MOD_KEY as MOD } from '../components/platform';

export interface Shortcut {
  /** Alternatives, each a sequence of key caps, e.g. [['↑', '↓'], ['j', 'k']]. */
  keys: string[][];
  description: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

/** The review's group; listed first while a review is open. */
export const REVIEW_GROUP = 'Review (a run’s grid or rating queue)';

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Prompts',
    shortcuts: [
      { keys: [['/']], description: 'Filter prompts (in a review: search its outputs)' },
      { keys: [['Esc']], description: 'Clear the filter (again: leave it)' },
      { keys: [['↓']], description: 'From the filter, go to the list' },
      { keys: [['↑', '↓'], ['j', 'k']], description: 'Move through the list' },
      { keys: [['Home'], ['End']], description: 'First or last prompt' },
      { keys: [['Enter']], description: 'Open the prompt' },
      { keys: [[MOD, 'N']], description: 'New prompt' },
      { keys: [['←', '→']], description: 'From a tab, switch between Overview, Edit, Cases, History and Runs' },
    ],
  },
  {
    title: 'Runs',
    shortcuts: [
      { keys: [['r']], description: 'Run the open prompt (opens the run dialog)' },
      { keys: [['Enter']], description: 'Run dialog: add the typed model, or start the run' },
    ],
  },
  {
    title: REVIEW_GROUP,
    shortcuts: [
      { keys: [['j'], ['↓']], description: 'Next sample' },
      { keys: [['k'], ['↑']], description: 'Previous sample' },
      { keys: [['1–5']], description: 'Rate the sample and go to the next' },
      { keys: [['0']], description: 'Clear the rating' },
      { keys: [['c', '1–5']], description: 'Rate every sample in the cluster not rated yet (c, then 0 clears them all)' },
      { keys: [['n']], description: 'Write a note (Enter saves, Shift+Enter new line, Esc cancels)' },
      { keys: [['u']], description: 'Undo the last rating or note change' },
      { keys: [['b']], description: 'Blind mode: hide models, temperatures and seeds; shuffle' },
      { keys: [['/']], description: 'Search the outputs (Enter: back to the grid; Esc clears, again: leaves)' },
      { keys: [['w']], description: 'Show the focused cell’s answers in full, or a few lines again' },
      { keys: [['e']], description: 'Expand the focused cell: every cluster and every sample (Esc closes)' },
    ],
  },
  {
    title: 'Editing',
    shortcuts: [
      { keys: [[MOD, 'S']], description: 'Save now (changes also save by themselves)' },
      { keys: [[MOD, 'F']], description: 'Find in the source' },
      { keys: [[MOD, 'Space']], description: 'Suggest variables and helpers after {{' },
      { keys: [[MOD, 'Z'], [MOD, 'Shift', 'Z']], description: 'Undo, redo' },
      { keys: [['Alt', '↑'], ['Alt', '↓']], description: 'Cases table: move the case up or down' },
      { keys: [[MOD, 'Enter']], description: 'Edit tab: Try once (one call of the text as it is now); commit dialog: commit' },
      { keys: [['Esc']], description: 'Edit tab: stop the Try once answer that is streaming' },
    ],
  },
  {
    title: 'History',
    shortcuts: [{ keys: [['↑', '↓']], description: 'Move through the versions' }],
  },
  {
    title: 'General',
    shortcuts: [
      { keys: [['?']], description: 'Show keyboard shortcuts' },
      { keys: [['[']], description: 'Collapse or show the prompt library' },
      { keys: [['g', 'r']], description: 'Go to Runs: every run of every prompt' },
      { keys: [[MOD, ',']], description: 'Settings: providers, keys, prices' },
      { keys: [['Esc']], description: 'Close this panel' },
    ],
  },
];
