// The metrics worker's side: full cell metrics (shared/variance) for the jobs the page sends, cell
// by cell in the order given (the grid's, so the rows on screen come first), sent back in batches.
// Between two cells the worker reads its waiting messages, so a newer job (new samples, another
// threshold or embedding) or a cancel takes over at once instead of queueing behind this one.
import type { SampleRating } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import { metricsForCell } from '../../../shared/variance/cellMetrics';
import type { FromMetricsWorker, MessagePortLike, ToMetricsWorker } from './metricsMessages';

/**
 * How often finished cells are sent while the rest are computed: each batch re-renders the grid,
 * so rarely (the cells on screen come first and land in the first batch).
 */
const PUBLISH_MS = 250;
/** Rating figures are added on the page (ratingFigures.ts): ratings change far more often than outputs. */
const NO_RATINGS: ReadonlyMap<string, SampleRating> = new Map();

export function serveMetricsJobs(port: MessagePortLike<ToMetricsWorker, FromMetricsWorker>): void {
  const samplesByCell = new Map<string, readonly Sample[]>();
  /** The job being worked on; any other stops at its next cell. */
  let current = 0;

  port.onmessage = ({ data: message }) => {
    if (message.type === 'cancel') {
      if (current === message.job) current = 0;
      return;
    }
    for (const cell of message.cells) if (cell.samples) samplesByCell.set(cell.key, cell.samples);
    current = message.job;
    void work(message);
  };

  async function work(job: Extract<ToMetricsWorker, { type: 'compute' }>): Promise<void> {
    const { threshold, embedding, outputSchema } = job.settings;
    const options = { threshold, embedding, outputSchema, ratings: NO_RATINGS };
    let results: FromMetricsWorker['results'] = [];
    let sentAt = performance.now();
    for (const { key, cell } of job.cells) {
      await nextTask();
      if (current !== job.job) break;
      results.push({ key, metrics: metricsForCell(cell, samplesByCell.get(key) ?? [], options) });
      if (performance.now() - sentAt >= PUBLISH_MS) {
        port.postMessage({ job: job.job, results, done: false });
        results = [];
        sentAt = performance.now();
      }
    }
    port.postMessage({ job: job.job, results, done: true });
  }
}

/** A macrotask, so waiting messages are handled; without setTimeout's 4 ms clamp on nested calls. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
