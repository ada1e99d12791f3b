// How pushed run events change what the cache holds, as pure functions: a batch of finished samples
// replaces those samples (by id) in the run, and a progress tick updates the run's summary. Samples
// that did not change keep their identity, so the grid re-renders only the cells that moved.
import type { RunDetail, RunProgress, RunSummary, Sample, SampleStatus } from '../../shared/runs';

type Counts = Pick<RunSummary, 'ok' | 'errors' | 'pending' | 'cancelled' | 'inputTokens' | 'outputTokens' | 'costUsd'>;

const STATUS_FIELD: Record<SampleStatus, 'ok' | 'errors' | 'pending' | 'cancelled'> = {
  ok: 'ok',
  error: 'errors',
  pending: 'pending',
  cancelled: 'cancelled',
};

/** The run with these samples merged in; a batch that changes nothing returns the same object. */
export function mergeSamples(detail: RunDetail, batch: readonly Sample[]): RunDetail {
  if (batch.length === 0) return detail;
  const positions = new Map<string, number>();
  detail.samples.forEach((sample, index) => positions.set(sample.sampleId, index));
  const samples = [...detail.samples];
  const counts: Counts = { ...pick(detail.summary) };
  let changed = false;
  for (const incoming of batch) {
    if (incoming.runId !== detail.summary.runId) continue;
    const at = positions.get(incoming.sampleId);
    const previous = at === undefined ? undefined : samples[at];
    if (previous && sameSample(previous, incoming)) continue;
    changed = true;
    if (previous) subtract(counts, previous);
    add(counts, incoming);
    if (at === undefined) {
      positions.set(incoming.sampleId, samples.length);
      samples.push(incoming);
    } else {
      samples[at] = incoming;
    }
  }
  if (!changed) return detail;
  return { ...detail, summary: { ...detail.summary, ...counts }, samples };
}

/** The summary as a progress tick tells it: status, why it stopped, and the running counts. */
export function applyProgress(summary: RunSummary, progress: RunProgress): RunSummary {
  if (summary.runId !== progress.runId) return summary;
  const next = {
    ...summary,
    status: progress.status,
    stopReason: progress.stopReason,
    total: progress.total,
    ok: progress.ok,
    errors: progress.errors,
  };
  const same =
    next.status === summary.status &&
    next.stopReason === summary.stopReason &&
    next.total === summary.total &&
    next.ok === summary.ok &&
    next.errors === summary.errors;
  return same ? summary : next;
}

function pick(summary: RunSummary): Counts {
  const { ok, errors, pending, cancelled, inputTokens, outputTokens, costUsd } = summary;
  return { ok, errors, pending, cancelled, inputTokens, outputTokens, costUsd };
}

function add(counts: Counts, sample: Sample, sign = 1): void {
  const field = STATUS_FIELD[sample.status];
  counts[field] = Math.max(0, counts[field] + sign);
  counts.inputTokens = Math.max(0, counts.inputTokens + sign * (sample.inputTokens ?? 0));
  counts.outputTokens = Math.max(0, counts.outputTokens + sign * (sample.outputTokens ?? 0));
  if (sample.costUsd !== null) counts.costUsd = Math.max(0, (counts.costUsd ?? 0) + sign * sample.costUsd);
}

function subtract(counts: Counts, sample: Sample): void {
  add(counts, sample, -1);
}

/** Samples only change state and results, so these fields tell whether an event brings news. */
function sameSample(a: Sample, b: Sample): boolean {
  return (
    a.status === b.status &&
    a.output === b.output &&
    a.attempts === b.attempts &&
    a.finishedAt === b.finishedAt &&
    a.error?.message === b.error?.message
  );
}
