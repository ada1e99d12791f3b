import { describe, expect, it } from 'vitest';
import { cleanMessage } from './promptCommit';

describe('cleanMessage', () => {
  it('keeps what `git commit -m` keeps: no trailing spaces, no blank lines around or in runs, one final newline', () => {
    expect(cleanMessage('Subject')).toBe('Subject\n');
    expect(cleanMessage('\n\n  Subject  \n\n\n\nBody line   \r\nsecond\n\n')).toBe('Subject\n\nBody line\nsecond\n');
  });

  it('keeps lines that start with # (a message typed in the app is not an editor template)', () => {
    expect(cleanMessage('Fix #12\n# not a comment')).toBe('Fix #12\n# not a comment\n');
  });
});
