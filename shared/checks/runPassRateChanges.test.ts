import { describe, expect, it } from 'vitest';
import { passRate } from './passRate';
import type { CellPassRate } from './runChecks';
import { runPassRateChanges } from './runPassRateChanges';

const cell = (model: string, temperature: number, caseName: string, passed: number, total: number): CellPassRate => ({
  model,
  temperature,
  case: caseName,
  ...passRate(passed, total),
  callFailures: 0,
  undecided: 0,
});

describe('runPassRateChanges', () => {
  it('pairs the cells both runs sampled and compares them and the whole runs', () => {
    const before = { cells: [cell('m', 0, 'a', 0, 10), cell('m', 0, 'b', 5, 10), cell('m', 1, 'a', 3, 10)], overall: passRate(8, 30) };
    const after = { cells: [cell('m', 0, 'a', 10, 10), cell('m', 0, 'b', 5, 10), cell('n', 0, 'a', 1, 10)], overall: passRate(16, 30) };
    const changes = runPassRateChanges(before, after);
    expect(changes.cells.map((entry) => [entry.model, entry.temperature, entry.case, entry.change?.verdict])).toEqual([
      ['m', 0, 'a', 'better'],
      ['m', 0, 'b', "can't tell yet"],
    ]);
    expect(changes.overall.change?.difference).toBeCloseTo(8 / 30, 10);
    expect(changes.overall.before.passed).toBe(8);
  });

  it('has no change where a side has nothing decided', () => {
    const changes = runPassRateChanges({ cells: [cell('m', 0, 'a', 0, 0)], overall: passRate(0, 0) }, { cells: [cell('m', 0, 'a', 2, 4)], overall: passRate(2, 4) });
    expect(changes.cells[0]?.change).toBeNull();
    expect(changes.overall.change).toBeNull();
  });
});
