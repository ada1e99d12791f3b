// The review's metrics worker (a module Web Worker, started by useReviewMetrics.ts): it computes
// the full cell metrics off the page's thread, so keys and scrolling never wait for them.
import type { FromMetricsWorker, MessagePortLike, ToMetricsWorker } from './metricsMessages';
import { serveMetricsJobs } from './metricsJobs';

// The renderer is type-checked with the DOM's types, where `self` is a window; in a dedicated
// worker it is the worker's global scope, whose postMessage and onmessage are the port used here.
serveMetricsJobs(self as unknown as MessagePortLike<ToMetricsWorker, FromMetricsWorker>);
