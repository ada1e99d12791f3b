import { describe, expect, it } from 'vitest';
import type { DiffRow } from '../../../shared/versions';
import { changeCounts, foldRows } from './diffFolding';

const line = (number: number, text = `line ${number}`) => ({ number, segments: [{ text, changed: false }] });
const context = (n: number): DiffRow => ({ kind: 'context', left: line(n), right: line(n) });
const changed = (n: number): DiffRow => ({ kind: 'changed', left: line(n), right: line(n) });

function shape(rows: DiffRow[], expanded = new Set<number>()) {
  return foldRows(rows, expanded).map((item) => (item.kind === 'fold' ? `fold ${item.start}+${item.count}` : item.index));
}

describe('foldRows', () => {
  it('folds a long unchanged run at the start and end, keeping context next to the change', () => {
    const rows = [...Array.from({ length: 10 }, (_, i) => context(i + 1)), changed(11), ...Array.from({ length: 10 }, (_, i) => context(i + 12))];
    expect(shape(rows)).toEqual(['fold 0+7', 7, 8, 9, 10, 11, 12, 13, 'fold 14+7']);
  });

  it('keeps context on both sides of a fold between two changes', () => {
    const rows = [changed(1), ...Array.from({ length: 10 }, (_, i) => context(i + 2)), changed(12)];
    expect(shape(rows)).toEqual([0, 1, 2, 3, 'fold 4+4', 8, 9, 10, 11]);
  });

  it('does not fold a run that would hide only a few lines', () => {
    const rows = [changed(1), ...Array.from({ length: 8 }, (_, i) => context(i + 2)), changed(10)];
    expect(shape(rows)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('shows an expanded fold in full', () => {
    const rows = [changed(1), ...Array.from({ length: 10 }, (_, i) => context(i + 2))];
    expect(shape(rows)).toEqual([0, 1, 2, 3, 'fold 4+7']);
    expect(shape(rows, new Set([4]))).toHaveLength(11);
  });
});

describe('changeCounts', () => {
  it('counts a changed line on both sides', () => {
    expect(changeCounts([context(1), changed(2), { kind: 'added', left: null, right: line(3) }])).toEqual({ added: 2, removed: 1 });
  });
});
