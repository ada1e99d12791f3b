// Clusters of near-identical outputs, so a person can read (and rate) one answer for many.
//
// Identical answers (after whitespace normalisation) always form one group first. Groups are then
// taken largest first; each joins the existing cluster whose representative it is most similar to,
// if that similarity reaches the threshold, and otherwise starts a cluster of its own. A cluster's
// representative is therefore its largest group of identical answers (ties: the earliest), which
// is the answer a reader should see for it. Comparing only with representatives keeps the cost at
// groups × clusters at most (and representativeScores.ts makes most of those cheap for the lexical
// measure), and makes the result independent of anything but the input order.
import { groupIdentical, type IdenticalGroup } from './identicalGroups';
import { lexicalRepresentativeScores, type RepresentativeScores } from './representativeScores';
import { lexicalSimilarity, profileOnDemand, type TextProfile } from './textSimilarity';

export interface OutputCluster {
  /** Every member, in input order. */
  sampleIds: string[];
  /** The first sample of the cluster's largest group of identical answers. */
  representativeId: string;
  size: number;
  /** Members whose normalised text equals the representative's. */
  exactCount: number;
}

export interface ClusterItem {
  sampleId: string;
  text: string;
}

interface Building {
  representative: number;
  exactCount: number;
  members: number[];
}

/**
 * `similarity(i, j)` compares items i and j (positions in `items`), 0..1. It is asked only about
 * the first member of each identical group. A threshold of 1 or more keeps only identical answers
 * together. Clusters come largest first; equal sizes in order of their first member.
 */
export function clusterOutputs(items: readonly ClusterItem[], similarity: (i: number, j: number) => number, threshold: number): OutputCluster[] {
  return clusterGroups(items, groupIdentical(items.map((item) => item.text)), similarity, threshold);
}

/**
 * clusterOutputs for a caller that already has groupIdentical of the items' texts. With `scores`,
 * the similarities to all representatives come from it at once instead of from `similarity`.
 */
export function clusterGroups(
  items: readonly ClusterItem[],
  groups: readonly IdenticalGroup[],
  similarity: (i: number, j: number) => number,
  threshold: number,
  scores?: RepresentativeScores,
): OutputCluster[] {
  const clusters: Building[] = [];
  for (const group of groups) {
    const first = group.members[0] as number;
    let best: Building | null = null;
    let bestScore = -Infinity;
    if (threshold < 1 && clusters.length > 0) {
      const all = scores?.scores(first);
      for (let position = 0; position < clusters.length; position++) {
        const cluster = clusters[position] as Building;
        const score = all ? (all[position] as number) : similarity(first, cluster.representative);
        // Strictly greater: on a tie the earlier (larger) cluster wins.
        if (score >= threshold && score > bestScore) {
          best = cluster;
          bestScore = score;
        }
      }
    }
    if (best) {
      best.members.push(...group.members);
    } else {
      clusters.push({ representative: first, exactCount: group.members.length, members: [...group.members] });
      scores?.add(first);
    }
  }
  return clusters
    .map((cluster) => ({ cluster, members: cluster.members.sort((a, b) => a - b) }))
    .sort((a, b) => b.members.length - a.members.length || (a.members[0] as number) - (b.members[0] as number))
    .map(({ cluster, members }) => ({
      sampleIds: members.map((position) => (items[position] as ClusterItem).sampleId),
      representativeId: (items[cluster.representative] as ClusterItem).sampleId,
      size: members.length,
      exactCount: cluster.exactCount,
    }));
}

/** Clusters by the lexical measure of textSimilarity.ts, for a caller that has groups and profiles. */
export function clusterLexically(items: readonly ClusterItem[], groups: readonly IdenticalGroup[], profile: (i: number) => TextProfile, threshold: number): OutputCluster[] {
  return clusterGroups(items, groups, lexicalSimilarity(profile), threshold, lexicalRepresentativeScores(profile));
}

/** Clusters by the lexical measure of textSimilarity.ts. */
export function lexicalClusters(items: readonly ClusterItem[], threshold: number): OutputCluster[] {
  const texts = items.map((item) => item.text);
  return clusterLexically(items, groupIdentical(texts), profileOnDemand(texts), threshold);
}
