// The order a person goes through a run's samples. In the grid it is the grid's own order (cell by
// cell, cluster by cluster, then the cell's failed samples), so `j` walks what the eye sees. Blind, it is a shuffle seeded by the
// run id: the same run always shuffles the same way (a reload keeps your place), and nothing about
// a sample's position hints at its model or temperature.
import { cellKeyOf, type CellKey } from '../../../shared/cellStats';
import type { FailureGroup } from '../../../shared/sampleFailures';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import type { OutputCluster } from '../../../shared/variance/outputClusters';
import { seededRandom } from '../../../shared/variance/seededRandom';

/** FNV-1a over UTF-16 code units: spreads run ids into 32-bit seeds. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Fisher–Yates with a seeded generator: a permutation that depends only on the items and the seed. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}

/**
 * Every sample of the run, shuffled by its run id, then only the ones that can be rated. Shuffling
 * the whole run (sorted first, so the order samples arrive in does not matter) keeps each sample's
 * place fixed while a live run fills in: new answers slot in, nothing already there moves.
 */
export function blindOrder(runId: string, allSampleIds: readonly string[], rateable: ReadonlySet<string>): string[] {
  const sorted = [...allSampleIds].sort();
  return seededShuffle(sorted, hashString(runId)).filter((id) => rateable.has(id));
}

/** Where a sample sits: its cell and its cluster (null for a sample without an answer, a failed one). */
export interface SamplePlace {
  cell: CellMetrics;
  cluster: OutputCluster | null;
}

/**
 * The samples j/k walk in the grid, as the eye sees them: cell by cell, its clusters (the ok
 * samples), then its failed samples group by group (see shared/sampleFailures.ts).
 */
export function gridOrder(cellsInGridOrder: readonly CellMetrics[], failuresOf: (cell: CellMetrics) => readonly FailureGroup[]): string[] {
  return filteredOrder(cellsInGridOrder, failuresOf, null);
}

/**
 * The samples a filter keeps, in the same order: what j/k walk while the grid is filtered. Plain
 * loops into one array: it runs on every keystroke of a search over tens of thousands of samples.
 */
export function filteredOrder(cellsInGridOrder: readonly CellMetrics[], failuresOf: (cell: CellMetrics) => readonly FailureGroup[], keep: ((sampleId: string) => boolean) | null): string[] {
  const order: string[] = [];
  const add = (ids: readonly string[]) => {
    for (const id of ids) if (keep === null || keep(id)) order.push(id);
  };
  for (const cell of cellsInGridOrder) {
    for (const cluster of cell.clusters) add(cluster.sampleIds);
    for (const group of failuresOf(cell)) add(group.sampleIds);
  }
  return order;
}

/**
 * Finds a sample's cell and cluster when asked (the focused one, a `c` press), rather than
 * indexing all 5,000 samples every time the cells change.
 */
export function placeFinder(cells: readonly CellMetrics[], cellOf: (sampleId: string) => CellKey | undefined): (sampleId: string) => SamplePlace | undefined {
  const byKey = new Map(cells.map((cell) => [cellKeyOf(cell), cell]));
  return (sampleId) => {
    const key = cellOf(sampleId);
    const cell = key ? byKey.get(cellKeyOf(key)) : undefined;
    if (!cell) return undefined;
    return { cell, cluster: cell.clusters.find((candidate) => candidate.sampleIds.includes(sampleId)) ?? null };
  };
}
