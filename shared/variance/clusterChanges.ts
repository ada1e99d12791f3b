// What changed in one cell between two runs, answer by answer: each run's clusters of
// near-identical outputs (outputClusters.ts), matched across the runs by the same lexical
// similarity and threshold that formed them, so "the same answer" means the same thing in the grid
// and here. A cluster found only in the newer run is new, one found only in the older is gone, and
// a matched pair tells how its share of the cell's answers moved.
import { normaliseOutput } from '../cellStats';
import type { Sample } from '../runs';
import { lexicalClusters } from './outputClusters';
import { profileSimilarity, profileText } from './textSimilarity';

export interface SideCluster {
  /** The sample whose output stands for the cluster (its largest group of identical answers). */
  representativeId: string;
  /** The representative's output, as returned. */
  text: string;
  size: number;
  /** size over the cell's ok samples, 0–1. */
  share: number;
  /** Every member, in sample order. */
  sampleIds: string[];
}

/** One run's answers in one cell: its clusters, largest first. */
export interface CellOutputs {
  /** Samples that returned an answer. */
  ok: number;
  /** Samples that failed: they have no answer to cluster, but a reader should know of them. */
  failed: number;
  clusters: SideCluster[];
}

/** A cluster of the older run (a) and its match in the newer (b); one side is null when it has none. */
export interface ClusterPair {
  a: SideCluster | null;
  b: SideCluster | null;
}

export interface ClusterChanges {
  /** Matched pairs first (in the newer run's order), then new clusters, then gone ones. */
  pairs: ClusterPair[];
  /**
   * How much of the cell's answers moved, 0–1: half the sum of the share changes over all pairs
   * (new and gone clusters count their whole share). 0 when both runs answered alike in the same
   * proportions, 1 when no answer of one run resembles any of the other's.
   */
  shift: number;
}

/** A share moving less than this (5 points) is left out of the "what changed" line: sampling noise. */
export const SHARE_SHIFT_TO_TELL = 0.05;

/** A cell's samples (of one run) as clusters of near-identical answers, as the review's grid forms them. */
export function cellOutputs(samples: readonly Sample[], threshold: number): CellOutputs {
  const ordered = [...samples].sort((a, b) => a.index - b.index);
  const ok = ordered.filter((sample) => sample.status === 'ok');
  const text = new Map(ok.map((sample) => [sample.sampleId, sample.output ?? '']));
  const clusters = lexicalClusters(
    ok.map((sample) => ({ sampleId: sample.sampleId, text: sample.output ?? '' })),
    threshold,
  ).map((cluster) => ({
    representativeId: cluster.representativeId,
    text: text.get(cluster.representativeId) ?? '',
    size: cluster.size,
    share: cluster.size / ok.length,
    sampleIds: cluster.sampleIds,
  }));
  return { ok: ok.length, failed: ordered.filter((sample) => sample.status === 'error').length, clusters };
}

/**
 * Pairs each cluster of `a` with the most similar cluster of `b`, comparing their representatives,
 * when the similarity reaches `threshold` (1 or more: only identical answers match). The most
 * similar pairs are taken first, and a cluster joins one pair at most.
 */
export function matchClusters(a: CellOutputs, b: CellOutputs, threshold: number): ClusterChanges {
  const candidates: { i: number; j: number; score: number }[] = [];
  const profilesB = b.clusters.map((cluster) => profileText(cluster.text));
  a.clusters.forEach((clusterA, i) => {
    const textA = normaliseOutput(clusterA.text);
    const profileA = threshold < 1 ? profileText(clusterA.text) : null;
    b.clusters.forEach((clusterB, j) => {
      const same = textA === normaliseOutput(clusterB.text);
      const score = same ? 1 : profileA ? profileSimilarity(profileA, profilesB[j] as (typeof profilesB)[number]) : 0;
      if (same || (threshold < 1 && score >= threshold)) candidates.push({ i, j, score: same ? 2 : score });
    });
  });
  // Identical answers (score 2) pair before merely similar ones; ties keep the larger clusters first.
  candidates.sort((x, y) => y.score - x.score || x.j - y.j || x.i - y.i);
  const partnerOfB = new Map<number, number>();
  const takenA = new Set<number>();
  for (const { i, j } of candidates) {
    if (takenA.has(i) || partnerOfB.has(j)) continue;
    takenA.add(i);
    partnerOfB.set(j, i);
  }
  const matched: ClusterPair[] = [];
  const added: ClusterPair[] = [];
  b.clusters.forEach((clusterB, j) => {
    const i = partnerOfB.get(j);
    if (i === undefined) added.push({ a: null, b: clusterB });
    else matched.push({ a: a.clusters[i] as SideCluster, b: clusterB });
  });
  const gone = a.clusters.filter((_, i) => !takenA.has(i)).map((clusterA) => ({ a: clusterA, b: null }));
  const pairs = [...matched, ...added, ...gone];
  const moved = pairs.reduce((sum, pair) => sum + Math.abs((pair.b?.share ?? 0) - (pair.a?.share ?? 0)), 0);
  return { pairs, shift: Math.min(1, moved / 2) };
}

/** Something a reader would call a change: an answer new or gone, or a share moved beyond noise. */
export function hasChanged(changes: ClusterChanges): boolean {
  return changes.pairs.some((pair) => pair.a === null || pair.b === null || Math.abs(pair.b.share - pair.a.share) >= SHARE_SHIFT_TO_TELL);
}
