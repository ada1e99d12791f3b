import { describe, expect, it } from 'vitest';
import type { ClusterChanges, SideCluster } from '../../../shared/variance/clusterChanges';
import { changeItems, changeLine, changeSentence } from './cellChanges';

const side = (text: string, share: number): SideCluster => ({ representativeId: text, text, size: Math.round(share * 10), share, sampleIds: [] });

describe('the “what changed in this cell” line', () => {
  it('names new and gone answers by their first words, then shifted shares, largest first', () => {
    const changes: ClusterChanges = {
      shift: 0.5,
      pairs: [
        { a: side('Paris.', 0.5), b: side('Paris.', 0.7) },
        { a: side('Paris, France.', 0.1), b: side('Paris, France.', 0.2) },
        { a: null, b: side('Paris is the capital and largest city of France.', 0.3) },
        { a: side('The capital is Paris.', 0.4), b: null },
      ],
    };
    expect(changeSentence(changes)).toBe(
      'new: “Paris is the capital and…” 30% · gone: “The capital is Paris.” (was 40%) · “Paris.” 50% → 70% · “Paris, France.” 10% → 20%',
    );
    expect(changeItems(changes).map((item) => item.kind)).toEqual(['new', 'gone', 'shift', 'shift']);
  });

  it('leaves out shifts within sampling noise and says when nothing changed', () => {
    const changes: ClusterChanges = { shift: 0.02, pairs: [{ a: side('Paris.', 0.5), b: side('Paris.', 0.52) }] };
    expect(changeItems(changes)).toEqual([]);
    expect(changeSentence(changes)).toBe('Same answers in about the same shares.');
  });

  it('stops after four items and counts the rest', () => {
    const pairs = ['a', 'b', 'c', 'd', 'e', 'f'].map((text) => ({ a: null, b: side(text, 1 / 6) }));
    const line = changeLine({ shift: 1, pairs });
    expect(line.items).toHaveLength(4);
    expect(line.more).toBe(2);
    expect(changeSentence({ shift: 1, pairs })).toMatch(/ · 2 more$/);
  });
});
