import { describe, expect, it } from 'vitest';
import { makeSample } from '../../../test/support/varianceFixtures';
import { sideBySideCells } from './sideBySide';

const order = { models: ['openai/m'], temperatures: [0, 0.7], cases: ['a', 'b'] };
const at = (temperature: number, caseName: string, outputs: readonly string[]) =>
  outputs.map((output, index) => makeSample({ model: 'openai/m', temperature, case: caseName, index, output }));

describe('sideBySideCells', () => {
  it('keeps only the cells both runs sampled, changed ones first and the most moved first', () => {
    const a = [...at(0, 'a', ['Paris.', 'Paris.']), ...at(0.7, 'a', ['Paris.', 'Lyon.']), ...at(0.7, 'b', ['Yes.', 'Yes.']), ...at(0, 'b', ['Only here.'])];
    const b = [...at(0, 'a', ['Paris.', 'Paris.']), ...at(0.7, 'a', ['Paris.', 'Paris.']), ...at(0.7, 'b', ['No.', 'No.'])];
    const cells = sideBySideCells(a, b, order, 0.8);
    expect(cells.map((cell) => [cell.temperature, cell.case, cell.changed, cell.changes.shift])).toEqual([
      [0.7, 'b', true, 1],
      [0.7, 'a', true, 0.5],
      [0, 'a', false, 0],
    ]);
    expect(cells[0]?.b.clusters.map((cluster) => [cluster.text, cluster.size])).toEqual([['No.', 2]]);
  });
});
