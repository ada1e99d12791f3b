import { describe, expect, it } from 'vitest';
import { keepCases, pendingCases } from './pendingCases';

describe('pending cases', () => {
  it('are held per prompt until kept or dropped', () => {
    pendingCases.add('a', [
      { entry: { name: 'x', input: {} }, origin: 'imported', problems: [] },
      { entry: { name: 'y', input: {} }, origin: 'drafted', problems: ['n: must be a number'] },
    ]);
    expect(pendingCases.get('a').map((row) => row.entry.name)).toEqual(['x', 'y']);
    expect(pendingCases.get('b')).toEqual([]);
    pendingCases.drop('a', new Set([pendingCases.get('a')[0]!.id]));
    expect(pendingCases.get('a').map((row) => row.entry.name)).toEqual(['y']);
    pendingCases.drop('a', new Set(pendingCases.get('a').map((row) => row.id)));
    expect(pendingCases.get('a')).toEqual([]);
  });

  it('join the cases under names no other case has', () => {
    const kept = keepCases([{ name: 'x', input: { q: 1 } }], [
      { id: 1, entry: { name: 'x', input: { q: 2 } }, origin: 'imported', problems: [] },
      { id: 2, entry: { name: 'x', input: { q: 3 } }, origin: 'drafted', problems: [] },
    ]);
    expect(kept.map((entry) => entry.name)).toEqual(['x', 'x 2', 'x 3']);
    expect(kept[2]?.input).toEqual({ q: 3 });
  });
});
