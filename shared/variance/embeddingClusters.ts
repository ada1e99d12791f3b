// Clusters computed by an embedding model (EmbeddingSimilarity, issue: clusters) in the same shape
// as the lexical ones, so the grid and the review view need not care which measure made them.
import { normaliseOutput, type CellKey } from '../cellStats';
import type { EmbeddingCell, EmbeddingSimilarity } from '../ratings';
import { groupIdentical } from './identicalGroups';
import type { ClusterItem, OutputCluster } from './outputClusters';

/** The embedding result for one cell, if the embedding covered it. */
export function embeddingCellFor(embedding: EmbeddingSimilarity | null | undefined, key: CellKey): EmbeddingCell | null {
  return embedding?.cells.find((cell) => cell.model === key.model && cell.temperature === key.temperature && cell.case === key.case) ?? null;
}

/**
 * `items` are the cell's ok outputs in index order. The embedding was computed at some moment; a
 * sample it does not know (finished later, retried) still has to land somewhere, so each such
 * answer gets a cluster with the identical answers among them, and ids it knows but the cell no
 * longer has are dropped. Order and representatives follow the same rules as clusterOutputs.
 */
export function clustersFromEmbedding(cell: EmbeddingCell, items: readonly ClusterItem[]): OutputCluster[] {
  const position = new Map(items.map((item, i) => [item.sampleId, i]));
  const memberLists: number[][] = [];
  const placed = new Set<number>();
  for (const ids of cell.clusters) {
    // The embedding lists its representative first; keep it first until sorted below.
    const members = ids.map((id) => position.get(id)).filter((i): i is number => i !== undefined && !placed.has(i));
    members.forEach((i) => placed.add(i));
    if (members.length > 0) memberLists.push(members);
  }
  const unplaced = items.map((_, i) => i).filter((i) => !placed.has(i));
  for (const group of groupIdentical(unplaced.map((i) => (items[i] as ClusterItem).text))) {
    memberLists.push(group.members.map((k) => unplaced[k] as number));
  }
  const normalised = (i: number) => normaliseOutput((items[i] as ClusterItem).text);
  return memberLists
    .map((members) => {
      const representative = members[0] as number;
      const text = normalised(representative);
      const sorted = [...members].sort((a, b) => a - b);
      return {
        first: sorted[0] as number,
        cluster: {
          sampleIds: sorted.map((i) => (items[i] as ClusterItem).sampleId),
          representativeId: (items[representative] as ClusterItem).sampleId,
          size: sorted.length,
          exactCount: members.filter((i) => normalised(i) === text).length,
        },
      };
    })
    .sort((a, b) => b.cluster.size - a.cluster.size || a.first - b.first)
    .map(({ cluster }) => cluster);
}
