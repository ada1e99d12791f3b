// The review view's keys (the contract of the issue), read as commands. Modifier combinations and
// keys typed into fields never get here (see useReviewKeyboard.ts).
import type { ReviewCommand } from './reviewReducer';

const DIGITS: Record<string, 1 | 2 | 3 | 4 | 5 | null> = { '0': null, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };

/** The command for a key, or null for keys the review does not use. While armed, any other key disarms. */
export function commandForKey(key: string, armed: boolean): ReviewCommand | null {
  if (key in DIGITS) return { type: 'rate', rating: DIGITS[key] ?? null };
  const command = plainCommand(key);
  if (armed && (command === null || command.type !== 'arm')) return key === 'Shift' ? null : { type: 'disarm' };
  return command;
}

function plainCommand(key: string): ReviewCommand | null {
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'move', delta: 1 };
    case 'k':
    case 'ArrowUp':
      return { type: 'move', delta: -1 };
    case 'c':
      return { type: 'arm' };
    case 'n':
      return { type: 'editNote' };
    case 'u':
      return { type: 'undo' };
    case 'b':
      return { type: 'toggleBlind' };
    default:
      return null;
  }
}
