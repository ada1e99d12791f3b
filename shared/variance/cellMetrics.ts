// Everything the review grid shows about one cell (docs/architecture.md): the plain
// counts of cellStats.ts, plus how alike the answers are, how they cluster, how long they run,
// whether they fit the output schema, and what people rated them.
import { cellKeyOf, statsForCell, type CellKey, type CellStats } from '../cellStats';
import type { EmbeddingSimilarity, SampleRating } from '../ratings';
import type { RunDetail, Sample } from '../runs';
import { clustersFromEmbedding, embeddingCellFor } from './embeddingClusters';
import { groupIdentical } from './identicalGroups';
import { isSchemaValid } from './jsonSchemaCheck';
import { clusterLexically, type ClusterItem, type OutputCluster } from './outputClusters';
import { mean, MIN_TO_COMPARE, sampleSd } from './summaryStats';
import { meanProfileSimilarity, profileOnDemand } from './textSimilarity';

export interface CellMetrics extends CellStats {
  /** Mean pairwise similarity of the ok outputs (lexical, or the embedding's when given); null with < 2. */
  meanSimilarity: number | null;
  /** Sample standard deviation of ok output lengths in characters; null with < 2. */
  lengthSd: number | null;
  /**
   * Share of ok outputs that parse as JSON and fit the output schema. When the prompt asks for JSON
   * without a schema, the share that parses as JSON. null for free text, or with no ok outputs.
   */
  schemaValidRate: number | null;
  /** Over the cell's samples that have a rating. */
  ratingMean: number | null;
  /** Sample standard deviation of the ratings; null with < 2. */
  ratingSd: number | null;
  rated: number;
  /** Clusters of the ok outputs, largest first. */
  clusters: OutputCluster[];
  /**
   * 0..1 for the colour scale, high = consistent: the mean pairwise similarity. null with fewer
   * than two ok outputs: a single answer agrees with nothing, and counting it as 1 would make a
   * one-sample cell look perfectly consistent (and lift every mean over cells). Unlike the share of
   * the most common answer it credits near-identical answers, and unlike cluster counts it needs no
   * threshold.
   */
  consistency: number | null;
  /** The text (as returned) of the largest group of identical ok outputs, for diffs; null with none. */
  mostCommonOutput: string | null;
  /** All of the cell's samples, in index order. */
  sampleIds: string[];
}

export interface MetricsOptions {
  /** Lexical similarity at or above which answers share a cluster (1: only identical ones). */
  threshold: number;
  ratings: ReadonlyMap<string, SampleRating>;
  /** JSON Schema to check ok outputs against; `{}` checks only that they are JSON; null/absent: no check. */
  outputSchema?: Record<string, unknown> | null;
  /** When given, its mean similarity and clusters replace the lexical ones for the cells it covers. */
  embedding?: EmbeddingSimilarity | null;
}

export function ratingMap(ratings: readonly SampleRating[]): Map<string, SampleRating> {
  return new Map(ratings.map((rating) => [rating.sampleId, rating]));
}

export function metricsForCell(key: CellKey, samples: readonly Sample[], options: MetricsOptions): CellMetrics {
  const ordered = [...samples].sort((a, b) => a.index - b.index);
  const ok = ordered.filter((sample) => sample.status === 'ok');
  const items: ClusterItem[] = ok.map((sample) => ({ sampleId: sample.sampleId, text: sample.output ?? '' }));
  const texts = items.map((item) => item.text);
  const groups = groupIdentical(texts);

  let meanSimilarity: number | null;
  let clusters: OutputCluster[];
  const embedded = embeddingCellFor(options.embedding, key);
  if (embedded) {
    meanSimilarity = ok.length < MIN_TO_COMPARE ? null : embedded.meanSimilarity;
    clusters = clustersFromEmbedding(embedded, items);
  } else {
    // One set of profiles for both, so each different output is tokenised once. The mean is exact
    // for any N (up to 1,000 per cell) at a cost linear in N: see meanProfileSimilarity.
    const profile = profileOnDemand(texts);
    meanSimilarity = meanProfileSimilarity(
      groups.map((group) => profile(group.members[0] as number)),
      groups.map((group) => group.members.length),
    );
    clusters = clusterLexically(items, groups, profile, options.threshold);
  }

  const lengths = texts.map((text) => text.length);
  const ratings = ordered.map((sample) => options.ratings.get(sample.sampleId)?.rating ?? null).filter((rating): rating is number => rating !== null);
  const schema = options.outputSchema;
  const topGroup = groups[0];
  return {
    ...statsForCell(key, ordered, groups),
    meanSimilarity,
    lengthSd: sampleSd(lengths),
    schemaValidRate: schema && ok.length > 0 ? texts.filter((text) => isSchemaValid(text, schema)).length / ok.length : null,
    ratingMean: mean(ratings),
    ratingSd: sampleSd(ratings),
    rated: ratings.length,
    clusters,
    consistency: ok.length < MIN_TO_COMPARE ? null : meanSimilarity,
    mostCommonOutput: topGroup ? (texts[topGroup.members[0] as number] as string) : null,
    sampleIds: ordered.map((sample) => sample.sampleId),
  };
}

export type MetricsRun = Pick<RunDetail, 'samples' | 'ratings' | 'output' | 'request' | 'summary'>;

/** The schema outputs are held to: the declared one, `{}` (any JSON) for JSON without one, else none. */
export function outputSchemaOf(output: RunDetail['output']): Record<string, unknown> | null {
  return output ? (output.schema ?? {}) : null;
}

/** Metrics for every cell with samples, in the run's order: models × temperatures × cases. */
export function metricsByCell(detail: MetricsRun, options: { threshold: number; embedding?: EmbeddingSimilarity | null }): CellMetrics[] {
  // An embedding computed for another run says nothing about this one.
  const embedding = options.embedding && options.embedding.runId === detail.summary.runId ? options.embedding : null;
  const cellOptions: MetricsOptions = { threshold: options.threshold, ratings: ratingMap(detail.ratings), outputSchema: outputSchemaOf(detail.output), embedding };
  const byCell = new Map<string, Sample[]>();
  for (const sample of detail.samples) {
    const key = cellKeyOf(sample);
    const cell = byCell.get(key);
    if (cell) cell.push(sample);
    else byCell.set(key, [sample]);
  }
  const { models, temperatures, cases } = detail.summary;
  const cells: CellMetrics[] = [];
  for (const model of models) {
    for (const temperature of temperatures) {
      for (const caseName of cases) {
        const key = { model, temperature, case: caseName };
        const samples = byCell.get(cellKeyOf(key));
        if (samples) cells.push(metricsForCell(key, samples, cellOptions));
      }
    }
  }
  return cells;
}
