// Two runs' pass rates side by side: per cell both runs sampled (same model, temperature and case)
// and overall, each with its change and verdict (passRateChange.ts). Both runs are measured by the
// prompt's checks as they are now (runChecker.ts), so the difference is the outputs', not the checks'.
import { passRateChange, type PassRateChange } from './passRateChange';
import type { RunChecks } from './runChecks';

type Rates = Pick<RunChecks, 'cells' | 'overall'>;
type Rate = RunChecks['overall'];

export interface PassRateComparison {
  before: Rate;
  after: Rate;
  change: PassRateChange | null;
}

export interface CellPassRateComparison extends PassRateComparison {
  model: string;
  temperature: number;
  case: string;
}

export interface RunPassRateChanges {
  overall: PassRateComparison;
  /** Cells in both runs, in the later run's order. */
  cells: CellPassRateComparison[];
}

const cellKey = (cell: { model: string; temperature: number; case: string }) => `${cell.model}\u0000${cell.temperature}\u0000${cell.case}`;

export function runPassRateChanges(before: Rates, after: Rates): RunPassRateChanges {
  const earlier = new Map(before.cells.map((cell) => [cellKey(cell), cell]));
  const cells: CellPassRateComparison[] = [];
  for (const cell of after.cells) {
    const old = earlier.get(cellKey(cell));
    if (!old) continue;
    cells.push({ model: cell.model, temperature: cell.temperature, case: cell.case, before: old, after: cell, change: passRateChange(old, cell) });
  }
  return { overall: { before: before.overall, after: after.overall, change: passRateChange(before.overall, after.overall) }, cells };
}
