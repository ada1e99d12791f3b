// A cell's metrics in the time it takes to count: its plain figures, and clusters of identical
// answers only. The grid draws these at once and then replaces them, cell by cell, with the full
// metrics (near-duplicate clusters, similarity, schema checks) as the review's Web Worker sends
// them (see metricsEngine.ts). Until then the figures that need comparing answers are null, which
// the grid shows as "not measured yet".
import { statsForCell, type CellKey } from '../../../shared/cellStats';
import type { Sample } from '../../../shared/runs';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { groupIdentical } from '../../../shared/variance/identicalGroups';
import { sampleSd } from '../../../shared/variance/summaryStats';

export function quickMetrics(key: CellKey, samples: readonly Sample[]): CellMetrics {
  const ordered = [...samples].sort((a, b) => a.index - b.index);
  const ok = ordered.filter((sample) => sample.status === 'ok');
  const texts = ok.map((sample) => sample.output ?? '');
  const groups = groupIdentical(texts);
  const idAt = (position: number) => (ok[position] as Sample).sampleId;
  const top = groups[0];
  return {
    ...statsForCell(key, ordered, groups),
    meanSimilarity: null,
    lengthSd: sampleSd(texts.map((text) => text.length)),
    schemaValidRate: null,
    ratingMean: null,
    ratingSd: null,
    rated: 0,
    clusters: groups.map((group) => ({
      sampleIds: group.members.map(idAt),
      representativeId: idAt(group.members[0] as number),
      size: group.members.length,
      exactCount: group.members.length,
    })),
    consistency: null,
    mostCommonOutput: top ? (texts[top.members[0] as number] as string) : null,
    sampleIds: ordered.map((sample) => sample.sampleId),
  };
}
