import { describe, expect, it } from 'vitest';
import { tabAfterKey } from './tabKeys';

const tabs = ['a', 'b', 'c'] as const;

describe('tabAfterKey', () => {
  it('moves with the arrows, wrapping at both ends', () => {
    expect(tabAfterKey(tabs, 'a', 'ArrowRight')).toBe('b');
    expect(tabAfterKey(tabs, 'c', 'ArrowRight')).toBe('a');
    expect(tabAfterKey(tabs, 'a', 'ArrowLeft')).toBe('c');
  });

  it('jumps with Home and End, and ignores other keys and single tabs', () => {
    expect(tabAfterKey(tabs, 'b', 'Home')).toBe('a');
    expect(tabAfterKey(tabs, 'b', 'End')).toBe('c');
    expect(tabAfterKey(tabs, 'b', 'Enter')).toBeNull();
    expect(tabAfterKey(['a'], 'a', 'ArrowRight')).toBeNull();
  });
});
