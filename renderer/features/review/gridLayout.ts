// The grid's shape: temperatures across; down, either cases grouped by model or models grouped by
// case. Rows are flat (group headings are rows too), which is what a virtual list wants. A cell the
// run left out (its provider cannot take the temperature) keeps its place, with the reason.
import { cellKeyOf } from '../../../shared/cellStats';
import type { RunSummary, SkippedCell } from '../../../shared/runs';
import { skipIndex } from '../../../shared/skippedCells';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import type { GridRows } from './reviewPrefs';

/** A place in the grid the run did not sample, and why. */
export interface NotSampledSlot {
  notSampled: SkippedCell & { case: string };
}

/** What stands at one place of a row: a cell, a cell not sampled, or nothing (no such cell). */
export type GridSlot = CellMetrics | NotSampledSlot | null;

export const isNotSampled = (slot: GridSlot): slot is NotSampledSlot => slot !== null && 'notSampled' in slot;

export type GridRow =
  | { kind: 'group'; key: string; label: string }
  | { kind: 'cells'; key: string; label: string; cells: readonly GridSlot[] };

export interface GridLayout {
  temperatures: number[];
  /** What the groups and the rows name. */
  groupAxis: 'model' | 'case';
  rowAxis: 'model' | 'case';
  rows: GridRow[];
  /** Cells in reading order (row by row, left to right): the order `j` walks. */
  cellsInOrder: CellMetrics[];
  /** Index in `rows` of each cell's row, by cellKeyOf. */
  rowOfCell: ReadonlyMap<string, number>;
}

type Axes = Pick<RunSummary, 'models' | 'temperatures' | 'cases'>;

export function buildGridLayout(axes: Axes, cells: readonly CellMetrics[], rows: GridRows, skipped: readonly SkippedCell[] = []): GridLayout {
  const byKey = new Map(cells.map((cell) => [cellKeyOf(cell), cell]));
  const skippedAt = skipIndex(skipped);
  const models = ordered(axes.models, cells.map((cell) => cell.model));
  const cases = ordered(axes.cases, cells.map((cell) => cell.case));
  const temperatures = ordered(axes.temperatures, cells.map((cell) => cell.temperature)).sort((a, b) => a - b);
  const groupAxis = rows === 'cases' ? 'model' : 'case';
  const groups = rows === 'cases' ? models : cases;
  const members = rows === 'cases' ? cases : models;

  const layout: GridRow[] = [];
  const cellsInOrder: CellMetrics[] = [];
  const rowOfCell = new Map<string, number>();
  for (const group of groups) {
    layout.push({ kind: 'group', key: `group\u0000${group}`, label: group });
    for (const member of members) {
      const [model, caseName] = rows === 'cases' ? [group, member] : [member, group];
      const rowCells = temperatures.map((temperature): GridSlot => {
        const cell = byKey.get(cellKeyOf({ model, temperature, case: caseName }));
        if (cell) return cell;
        const left = skippedAt(model, temperature);
        return left ? { notSampled: { ...left, case: caseName } } : null;
      });
      if (rowCells.every((cell) => cell === null)) continue;
      for (const cell of rowCells) {
        if (!cell || isNotSampled(cell)) continue;
        cellsInOrder.push(cell);
        rowOfCell.set(cellKeyOf(cell), layout.length);
      }
      layout.push({ kind: 'cells', key: `row\u0000${group}\u0000${member}`, label: member, cells: rowCells });
    }
  }
  return { temperatures, groupAxis, rowAxis: groupAxis === 'model' ? 'case' : 'model', rows: layout, cellsInOrder, rowOfCell };
}

/** The declared order first, then anything the cells add (defensive: a run's axes come from its request). */
function ordered<T>(declared: readonly T[], seen: readonly T[]): T[] {
  const result = [...new Set(declared)];
  const known = new Set(result);
  for (const value of seen) {
    if (!known.has(value)) {
      known.add(value);
      result.push(value);
    }
  }
  return result;
}
