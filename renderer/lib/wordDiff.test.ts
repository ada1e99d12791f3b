import { describe, expect, it } from 'vitest';
import { wordDiff } from './wordDiff';

describe('wordDiff', () => {
  it('calls outputs that differ only in whitespace the same', () => {
    expect(wordDiff('The answer is 4.', '  The answer\n is 4.  ')).toEqual({ kind: 'same' });
  });

  it('marks the words added and removed', () => {
    const diff = wordDiff('The answer is 4.', 'The answer is probably 5.');
    expect(diff.kind).toBe('changed');
    if (diff.kind !== 'changed') return;
    const removed = diff.segments.filter((segment) => segment.kind === 'removed').map((segment) => segment.text.trim());
    const added = diff.segments.filter((segment) => segment.kind === 'added').map((segment) => segment.text.trim());
    expect(removed.join(' ')).toContain('4');
    expect(added.join(' ')).toContain('probably');
    expect(added.join(' ')).toContain('5');
    expect(diff.added).toBeGreaterThan(0);
    expect(diff.removed).toBeGreaterThan(0);
  });

  it('rebuilds both texts from its segments', () => {
    const diff = wordDiff('alpha beta gamma', 'alpha delta gamma epsilon');
    if (diff.kind !== 'changed') throw new Error('expected a change');
    const join = (keep: 'added' | 'removed') => diff.segments.filter((segment) => segment.kind !== keep).map((segment) => segment.text).join('');
    expect(join('added')).toBe('alpha beta gamma');
    expect(join('removed')).toBe('alpha delta gamma epsilon');
  });

  it('does not diff very long outputs, but still knows when they are the same', () => {
    const long = 'word '.repeat(20_000);
    expect(wordDiff(long, `${long}more`)).toEqual({ kind: 'tooLong' });
    expect(wordDiff(long, long)).toEqual({ kind: 'same' });
  });

  it('gives up on long, unrelated texts instead of marking everything', () => {
    const a = Array.from({ length: 3000 }, (_, index) => `a${index}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, index) => `b${index}`).join(' ');
    expect(wordDiff(a, b)).toEqual({ kind: 'unrelated' });
  });
});
