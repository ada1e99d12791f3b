import { describe, expect, it } from 'vitest';
import { clampedText, fullText } from './formatFigures';

describe('a cluster answer as the grid shows it', () => {
  it('runs whitespace together for the few clamped lines, and cuts a very long answer', () => {
    expect(clampedText('  Paris.\n\n  The capital.  ')).toBe('Paris. The capital.');
    const long = 'word '.repeat(500);
    const shown = clampedText(long);
    expect(shown.length).toBe(601);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('keeps the whole answer and its line breaks for full text', () => {
    const long = `first line\n${'x'.repeat(5000)}\nlast line`;
    expect(fullText(`\n${long}\n`)).toBe(long);
  });

  it('says when an answer is empty, rather than drawing nothing', () => {
    expect(clampedText('   ')).toBe('(empty output)');
    expect(fullText(null)).toBe('(empty output)');
  });
});
