import { describe, expect, it } from 'vitest';
import { normaliseOutput } from '../cellStats';
import { groupIdentical } from './identicalGroups';
import { seededRandom } from './seededRandom';

describe('groupIdentical', () => {
  it('puts answers that differ only in whitespace together', () => {
    const groups = groupIdentical(['Paris', ' Paris\n', 'Paris  is nice', 'Paris is\tnice']);
    expect(groups.map((group) => group.members)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(groups[1]?.text).toBe('Paris is nice');
  });

  it('orders groups by size, then by where their answer first appeared', () => {
    const groups = groupIdentical(['b', 'a', 'c', 'a', 'c', 'd', 'c']);
    expect(groups.map((group) => group.text)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('keeps case and punctuation apart', () => {
    expect(groupIdentical(['Paris', 'paris', 'Paris.'])).toHaveLength(3);
  });
});

describe('normaliseOutput, which the groups rest on', () => {
  it('agrees with collapsing every whitespace run, also where its shortcut applies', () => {
    const random = seededRandom(9);
    const pieces = ['a', 'bc', ' ', '  ', '\n', '\t', '\u00a0', '\r\n', 'é'];
    for (let k = 0; k < 2000; k++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(normaliseOutput(text), JSON.stringify(text)).toBe(text.trim().replace(/\s+/g, ' '));
    }
  });
});
