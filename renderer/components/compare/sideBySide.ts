// The cells two runs both sampled, each with both runs' answers clustered and matched
// (shared/variance/clusterChanges.ts), the cells that changed most first.
import { cellKeyOf, type CellKey } from '../../../shared/cellStats';
import type { Sample } from '../../../shared/runs';
import { cellOutputs, hasChanged, matchClusters, type CellOutputs, type ClusterChanges } from '../../../shared/variance/clusterChanges';

export interface SideBySideCell extends CellKey {
  key: string;
  /** The baseline run's answers (the other run, or the older version's). */
  a: CellOutputs;
  /** The answers of the run read against it. */
  b: CellOutputs;
  changes: ClusterChanges;
  changed: boolean;
}

function byCell(samples: readonly Sample[]): Map<string, Sample[]> {
  const cells = new Map<string, Sample[]>();
  for (const sample of samples) {
    const key = cellKeyOf(sample);
    const cell = cells.get(key);
    if (cell) cell.push(sample);
    else cells.set(key, [sample]);
  }
  return cells;
}

export interface SharedCell extends CellKey {
  key: string;
  samplesA: Sample[];
  samplesB: Sample[];
}

type CellOrder = { models: readonly string[]; temperatures: readonly number[]; cases: readonly string[] };

/** Every cell with samples in both runs, in b's order (models × temperatures × cases). */
export function sharedCells(a: readonly Sample[], b: readonly Sample[], order: CellOrder): SharedCell[] {
  const cellsA = byCell(a);
  const cellsB = byCell(b);
  const cells: SharedCell[] = [];
  for (const model of order.models) {
    for (const temperature of order.temperatures) {
      for (const caseName of order.cases) {
        const key = cellKeyOf({ model, temperature, case: caseName });
        const samplesA = cellsA.get(key);
        const samplesB = cellsB.get(key);
        if (samplesA && samplesB) cells.push({ key, model, temperature, case: caseName, samplesA, samplesB });
      }
    }
  }
  return cells;
}

/** One shared cell's answers clustered on both sides and matched. */
export function compareCell(cell: SharedCell, threshold: number): SideBySideCell {
  const a = cellOutputs(cell.samplesA, threshold);
  const b = cellOutputs(cell.samplesB, threshold);
  const changes = matchClusters(a, b, threshold);
  return { key: cell.key, model: cell.model, temperature: cell.temperature, case: cell.case, a, b, changes, changed: hasChanged(changes) };
}

/** Stably sorted: changed cells first, the most moved first, so the eye lands on what differs. */
export function changedFirst(cells: readonly SideBySideCell[]): SideBySideCell[] {
  return [...cells].sort((x, y) => Number(y.changed) - Number(x.changed) || y.changes.shift - x.changes.shift);
}

/** Every shared cell compared, changed first (all at once: useSideBySideCells spreads the work out). */
export function sideBySideCells(a: readonly Sample[], b: readonly Sample[], order: CellOrder, threshold: number): SideBySideCell[] {
  return changedFirst(sharedCells(a, b, order).map((cell) => compareCell(cell, threshold)));
}
