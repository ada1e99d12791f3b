// The sentences that say, in plain words, what changed between two runs. Sampling is noisy, so a
// figure is only mentioned when it moved by more than NOTABLE_CHANGE; a list of every wobble would
// hide the one change that matters.
import type { RunOverview } from './runOverview';

/** The smallest change each sentence reports. */
export const NOTABLE_CHANGE = {
  /** Points on the 1–5 scale. */
  ratingMean: 0.25,
  /** Share (0–1) of ok outputs fitting the schema. */
  schemaValidRate: 0.05,
  /** Share of finished samples that failed; a change from or to no errors at all is always told. */
  errorRate: 0.01,
  /** On the 0–1 consistency scale. */
  consistency: 0.05,
  /** Distinct answers per ok sample. */
  distinctShare: 0.1,
  /** Relative change of the mean cost per sample. */
  costPerSample: 0.1,
  /** Relative change of the median latency, and at least this many milliseconds. */
  latencyP50: 0.2,
  latencyP50Ms: 50,
} as const;

const percent = (share: number, digits = 0) => `${(share * 100).toFixed(digits)}%`;
const direction = (from: number, to: number, up = 'rose', down = 'fell') => (to > from ? up : down);

function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function ratingSentence(a: RunOverview, b: RunOverview): string | null {
  if (a.ratingMean === null && b.ratingMean === null) return null;
  if (a.ratingMean === null || b.ratingMean === null) {
    const [rated, name] = a.ratingMean === null ? [b, 'the second'] : [a, 'the first'];
    return `Only ${name} run is rated (mean ${(rated.ratingMean as number).toFixed(1)}, n=${rated.rated}).`;
  }
  if (Math.abs(b.ratingMean - a.ratingMean) < NOTABLE_CHANGE.ratingMean) return null;
  return `Mean rating ${direction(a.ratingMean, b.ratingMean)} from ${a.ratingMean.toFixed(1)} to ${b.ratingMean.toFixed(1)} (n=${a.rated} → ${b.rated}).`;
}

function schemaSentence(a: RunOverview, b: RunOverview): string | null {
  if (a.schemaValidRate === null || b.schemaValidRate === null) return null;
  if (Math.abs(b.schemaValidRate - a.schemaValidRate) < NOTABLE_CHANGE.schemaValidRate) return null;
  return `Schema-valid outputs ${direction(a.schemaValidRate, b.schemaValidRate)} from ${percent(a.schemaValidRate)} to ${percent(b.schemaValidRate)}.`;
}

function errorSentence(a: RunOverview, b: RunOverview): string | null {
  if (a.errorRate === null || b.errorRate === null || a.errors === b.errors) return null;
  const startedOrStopped = (a.errors === 0) !== (b.errors === 0);
  if (!startedOrStopped && Math.abs(b.errorRate - a.errorRate) < NOTABLE_CHANGE.errorRate) return null;
  const sizes = a.ok + a.errors === b.ok + b.errors ? '' : ` (${percent(a.errorRate, 1)} → ${percent(b.errorRate, 1)} of finished samples)`;
  return `Errors ${direction(a.errors, b.errors)} from ${a.errors} to ${b.errors}${sizes}.`;
}

function consistencySentence(a: RunOverview, b: RunOverview): string | null {
  if (a.consistency === null || b.consistency === null) return null;
  if (Math.abs(b.consistency - a.consistency) < NOTABLE_CHANGE.consistency) return null;
  const which = direction(a.consistency, b.consistency, 'more', 'less');
  return `Outputs became ${which} consistent: ${a.consistency.toFixed(2)} → ${b.consistency.toFixed(2)}.`;
}

function distinctSentence(a: RunOverview, b: RunOverview): string | null {
  if (a.distinctShare === null || b.distinctShare === null) return null;
  if (Math.abs(b.distinctShare - a.distinctShare) < NOTABLE_CHANGE.distinctShare) return null;
  return `Distinct outputs ${direction(a.distinctShare, b.distinctShare)} from ${percent(a.distinctShare)} to ${percent(b.distinctShare)} of ok samples.`;
}

function costSentence(a: RunOverview, b: RunOverview): string | null {
  if (a.costPerSample === null || b.costPerSample === null || a.costPerSample === b.costPerSample) return null;
  if (a.costPerSample === 0) return `Cost per sample rose from nothing to $${b.costPerSample.toPrecision(2)}.`;
  const relative = (b.costPerSample - a.costPerSample) / a.costPerSample;
  if (Math.abs(relative) < NOTABLE_CHANGE.costPerSample) return null;
  return `Cost per sample ${direction(a.costPerSample, b.costPerSample)} ${percent(Math.abs(relative))}.`;
}

function latencySentence(a: RunOverview, b: RunOverview): string | null {
  if (a.latencyP50Ms === null || b.latencyP50Ms === null || a.latencyP50Ms === 0) return null;
  const change = b.latencyP50Ms - a.latencyP50Ms;
  if (Math.abs(change) < NOTABLE_CHANGE.latencyP50Ms || Math.abs(change / a.latencyP50Ms) < NOTABLE_CHANGE.latencyP50) return null;
  return `Median latency ${direction(a.latencyP50Ms, b.latencyP50Ms)} from ${seconds(a.latencyP50Ms)} to ${seconds(b.latencyP50Ms)}.`;
}

/** Quality first (ratings, schema, errors), then stability, then cost and speed. */
export function describeChanges(a: RunOverview, b: RunOverview): string[] {
  const sentences = [ratingSentence, schemaSentence, errorSentence, consistencySentence, distinctSentence, costSentence, latencySentence]
    .map((sentence) => sentence(a, b))
    .filter((sentence): sentence is string => sentence !== null);
  return sentences.length > 0 ? sentences : ['No notable change.'];
}
