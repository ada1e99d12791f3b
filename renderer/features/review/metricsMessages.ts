// What the review page and its metrics worker (metricsWorker.ts) say to each other. All of it is
// plain data, copied by structured clone: a cell's samples cross once per version of the cell,
// and results come back in batches.
import type { CellKey } from '../../../shared/cellStats';
import type { EmbeddingSimilarity } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';

export interface MetricsSettings {
  threshold: number;
  embedding: EmbeddingSimilarity | null;
  outputSchema: Record<string, unknown> | null;
}

export interface JobCell {
  key: string;
  cell: CellKey;
  /** Left out when the worker already holds these samples for this cell from an earlier job. */
  samples?: readonly Sample[];
}

export type ToMetricsWorker =
  | { type: 'compute'; job: number; cells: JobCell[]; settings: MetricsSettings }
  | { type: 'cancel'; job: number };

export interface FromMetricsWorker {
  job: number;
  results: { key: string; metrics: CellMetrics }[];
  /** The job is over: every cell is done, or it was cancelled or replaced by a newer job. */
  done: boolean;
}

/** The two members of a worker (or of a MessagePort) that either side uses. */
export interface MessagePortLike<Incoming, Outgoing> {
  postMessage(message: Outgoing): void;
  onmessage: ((event: MessageEvent<Incoming>) => void) | null;
}
