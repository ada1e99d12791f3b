// A comparison's pass rates, formatted: the whole run first, then each cell both runs sampled, with
// k/n on each side, the change in points with its 95% interval, and the verdict in words (better,
// worse, or can't tell yet and how many more samples per side would tell). The math is
// shared/checks/passRateChange.ts; this only words it and picks the tone.
import { describeChange, formatChange } from '../../../shared/checks/passRateChange';
import type { PassRateComparison, RunPassRateChanges } from '../../../shared/checks/runPassRateChanges';
import type { Tone } from './overviewRows';

export interface PassRateRow {
  key: string;
  /** null for the whole-run row. */
  cell: { model: string; temperature: number; case: string } | null;
  /** "3/10 → 9/10". */
  values: string;
  /** "+60 pts [+17, +81]"; null when a side has nothing decided. */
  change: string | null;
  verdict: string;
  tone: Tone;
}

function row(key: string, cell: PassRateRow['cell'], comparison: PassRateComparison): PassRateRow {
  const { before, after, change } = comparison;
  return {
    key,
    cell,
    values: `${before.passed}/${before.total} → ${after.passed}/${after.total}`,
    change: change ? formatChange(change) : null,
    verdict: change ? describeChange(change) : 'nothing decided on one side yet',
    tone: change?.verdict === 'better' ? 'better' : change?.verdict === 'worse' ? 'worse' : 'neutral',
  };
}

export function passRateRows(changes: RunPassRateChanges): PassRateRow[] {
  return [
    row('overall', null, changes.overall),
    ...changes.cells.map((cell) => row(`${cell.model}\u0000${cell.temperature}\u0000${cell.case}`, { model: cell.model, temperature: cell.temperature, case: cell.case }, cell)),
  ];
}
