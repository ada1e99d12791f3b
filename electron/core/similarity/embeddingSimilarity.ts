// How alike a run's outputs are by meaning: per cell, the mean pairwise cosine of their embeddings
// and clusters of answers at or above a threshold. The same rules as the lexical measure
// (shared/variance), with cosine as the similarity, so the two can be swapped in the review view.
import { cellKeyOf, normaliseOutput, type CellKey } from '../../../shared/cellStats';
import { WorkbenchError } from '../../../shared/errors';
import type { EmbeddingCell, EmbeddingSimilarity, EmbeddingSimilarityRequest } from '../../../shared/ratings';
import type { RunDetail } from '../../../shared/runs';
import { groupIdentical } from '../../../shared/variance/identicalGroups';
import { clusterOutputs, type ClusterItem } from '../../../shared/variance/outputClusters';
import { cosine, meanPairwiseCosine } from '../../../shared/variance/textSimilarity';
import type { ModelProvider } from '../providers/provider';
import type { RetryPolicy } from '../runner/retryPolicy';
import type { WorkbenchDatabase } from '../store/database';
import { embedderFor, fetchEmbeddings, type EmbeddingTarget } from './embeddingFetch';

export interface EmbeddingSimilarityDeps {
  database: WorkbenchDatabase;
  provider: (id: string) => ModelProvider | null;
  timeoutMs: number;
  batchSize?: number;
  retry?: RetryPolicy;
}

interface Cell {
  key: CellKey;
  /** The cell's ok outputs, in repeat order. */
  items: ClusterItem[];
}

export async function embeddingSimilarity(request: EmbeddingSimilarityRequest, deps: EmbeddingSimilarityDeps): Promise<EmbeddingSimilarity> {
  const detail = deps.database.runs.detail(request.runId);
  if (!detail) throw new WorkbenchError('NOT_FOUND', `There is no run "${request.runId}"; it may have been deleted.`);
  // Checked before anything else, so a wrong model says so even for a run with nothing to embed yet.
  embedderFor(request.model, deps);
  const cells = cellsOf(detail);
  const vectors = await fetchEmbeddings(request.model, cells.flatMap(firstOfEachAnswer), {
    provider: deps.provider,
    store: deps.database.embeddings,
    timeoutMs: deps.timeoutMs,
    batchSize: deps.batchSize,
    retry: deps.retry,
  });
  return {
    runId: request.runId,
    model: request.model,
    threshold: request.threshold,
    cells: cells.map((cell) => measure(cell, vectors, request.threshold)),
  };
}

function measure({ key, items }: Cell, vectors: ReadonlyMap<string, number[]>, threshold: number): EmbeddingCell {
  const itemVectors = items.map((item) => vectors.get(normaliseOutput(item.text)));
  // A blank answer has no vector; it is like nothing else (identical blanks still group together).
  const similarity = (i: number, j: number) => {
    const a = itemVectors[i];
    const b = itemVectors[j];
    return a && b ? cosine(a, b) : 0;
  };
  const clusters = clusterOutputs(items, similarity, threshold).map((cluster) => [
    // The contract lists each cluster's representative first.
    cluster.representativeId,
    ...cluster.sampleIds.filter((id) => id !== cluster.representativeId),
  ]);
  // Over every pair of ok outputs, duplicates included: five identical answers are perfectly consistent.
  // A blank answer (no vector) counts as unlike everything here.
  const meanSimilarity = meanPairwiseCosine(itemVectors.map((vector) => vector ?? []));
  return { ...key, meanSimilarity, clusters };
}

/** Every cell of the run (models x temperatures x cases, as the grid shows them), with its ok outputs. */
function cellsOf(detail: RunDetail): Cell[] {
  const byKey = new Map<string, ClusterItem[]>();
  for (const sample of [...detail.samples].sort((a, b) => a.index - b.index)) {
    const key = cellKeyOf(sample);
    const items = byKey.get(key) ?? [];
    byKey.set(key, items);
    if (sample.status === 'ok' && sample.output !== null) items.push({ sampleId: sample.sampleId, text: sample.output });
  }
  const { models, temperatures, cases } = detail.summary;
  const cells: Cell[] = [];
  for (const model of models) {
    for (const temperature of temperatures) {
      for (const caseName of cases) {
        const key = { model, temperature, case: caseName };
        const items = byKey.get(cellKeyOf(key));
        if (items) cells.push({ key, items });
      }
    }
  }
  return cells;
}

/** Clustering and the mean compare one output per distinct answer, so only those need vectors. */
function firstOfEachAnswer({ items }: Cell): EmbeddingTarget[] {
  return groupIdentical(items.map((item) => item.text)).flatMap((group) => {
    const first = items[group.members[0] ?? -1];
    return first ? [first] : [];
  });
}
