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

/**
 * Every cell with samples in both runs, in b's order (models × temperatures × cases), then stably
 * sorted: changed cells first, the most moved first, so the eye lands on what differs.
 */
export function sideBySideCells(a: readonly Sample[], b: readonly Sample[], order: { models: readonly string[]; temperatures: readonly number[]; cases: readonly string[] }, threshold: number): SideBySideCell[] {
  const cellsA = byCell(a);
  const cellsB = byCell(b);
  const cells: SideBySideCell[] = [];
  for (const model of order.models) {
    for (const temperature of order.temperatures) {
      for (const caseName of order.cases) {
        const key = cellKeyOf({ model, temperature, case: caseName });
        const samplesA = cellsA.get(key);
        const samplesB = cellsB.get(key);
        if (!samplesA || !samplesB) continue;
        const outputsA = cellOutputs(samplesA, threshold);
        const outputsB = cellOutputs(samplesB, threshold);
        const changes = matchClusters(outputsA, outputsB, threshold);
        cells.push({ key, model, temperature, case: caseName, a: outputsA, b: outputsB, changes, changed: hasChanged(changes) });
      }
    }
  }
  return cells.sort((x, y) => Number(y.changed) - Number(x.changed) || y.changes.shift - x.changes.shift);
}
