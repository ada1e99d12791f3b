import { describe, expect, it } from 'vitest';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import type { FailureGroup } from '../../../shared/sampleFailures';
import { blindOrder, filteredOrder, gridOrder, hashString, placeFinder, seededShuffle } from './sampleOrder';

const ids = Array.from({ length: 40 }, (_, i) => `s${String(i).padStart(2, '0')}`);

describe('blind order', () => {
  it('shuffles the same run the same way every time', () => {
    const all = new Set(ids);
    expect(blindOrder('run-a', ids, all)).toEqual(blindOrder('run-a', ids, all));
    expect(blindOrder('run-a', ids, all)).not.toEqual(ids);
    expect([...blindOrder('run-a', ids, all)].sort()).toEqual(ids);
  });

  it('shuffles another run another way', () => {
    const all = new Set(ids);
    expect(blindOrder('run-b', ids, all)).not.toEqual(blindOrder('run-a', ids, all));
  });

  it('does not depend on the order the samples arrived in', () => {
    const all = new Set(ids);
    expect(blindOrder('run-a', [...ids].reverse(), all)).toEqual(blindOrder('run-a', ids, all));
  });

  it('keeps every rateable sample where it was as more finish (a live run)', () => {
    const some = new Set(ids.filter((_, i) => i % 3 === 0));
    const more = new Set(ids.filter((_, i) => i % 3 !== 2));
    const before = blindOrder('run-a', ids, some);
    const after = blindOrder('run-a', ids, more);
    expect(after.filter((id) => some.has(id))).toEqual(before);
  });

  it('hashes strings into 32-bit seeds, and the shuffle is a permutation', () => {
    expect(hashString('run-a')).toBe(hashString('run-a'));
    expect(hashString('run-a')).not.toBe(hashString('run-b'));
    expect(hashString('')).toBe(0x811c9dc5);
    expect(seededShuffle([1, 2, 3, 4, 5], 7).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(seededShuffle([], 7)).toEqual([]);
  });
});

describe('grid order', () => {
  const cell = (model: string, clusters: string[][]): CellMetrics =>
    ({ model, temperature: 0, case: 'c', clusters: clusters.map((sampleIds) => ({ sampleIds, representativeId: sampleIds[0], size: sampleIds.length, exactCount: sampleIds.length })) }) as unknown as CellMetrics;

  const failure = (sampleIds: string[]): FailureGroup => ({ code: 'not_found', message: 'Unknown model', status: 404, sampleIds, cells: [] });

  it('walks cell by cell, cluster by cluster, then the cell’s failed samples group by group', () => {
    const cells = [cell('a', [['a1', 'a3'], ['a2']]), cell('b', [['b1']])];
    expect(gridOrder(cells, () => [])).toEqual(['a1', 'a3', 'a2', 'b1']);
    const failures = new Map([['a', [failure(['a5', 'a4']), failure(['a6'])]]]);
    const failuresOf = (of: CellMetrics) => failures.get(of.model) ?? [];
    expect(gridOrder(cells, failuresOf)).toEqual(['a1', 'a3', 'a2', 'a5', 'a4', 'a6', 'b1']);
    // Filtered (to the failed calls here), j/k keep the grid's order among what the filter keeps.
    expect(filteredOrder(cells, failuresOf, (id) => ['a6', 'a4', 'a5'].includes(id))).toEqual(['a5', 'a4', 'a6']);
    expect(filteredOrder(cells, failuresOf, null)).toEqual(gridOrder(cells, failuresOf));
    const placeOf = placeFinder(cells, (id) => ({ model: id.slice(0, 1), temperature: 0, case: 'c' }));
    expect(placeOf('a3')?.cluster?.sampleIds).toEqual(['a1', 'a3']);
    expect(placeOf('b1')?.cell.model).toBe('b');
    expect(placeOf('z9')).toBeUndefined();
    // A failed sample has a cell (the grid shows it there) and no cluster.
    expect(placeOf('a5')).toMatchObject({ cell: { model: 'a' }, cluster: null });
  });
});
