// Builders for the variance unit tests: a sample, a rating and a run summary with sensible
// defaults, so each test states only what it is about. Not used by the app.
import type { SampleRating } from '../../shared/ratings';
import { PENDING_RESULT, type RunSummary, type Sample } from '../../shared/runs';

let nextId = 0;

export function makeSample(overrides: Partial<Sample> = {}): Sample {
  nextId += 1;
  return {
    sampleId: `s${nextId}`,
    runId: 'run-a',
    model: 'openai/m',
    temperature: 0.7,
    case: 'a',
    index: nextId,
    seed: null,
    ...PENDING_RESULT,
    status: 'ok',
    output: 'x',
    finishReason: 'stop',
    inputTokens: 10,
    outputTokens: 5,
    latencyMs: 100,
    costUsd: 0.001,
    attempts: 1,
    ...overrides,
  };
}

export function makeRating(sampleId: string, rating: number | null, note: string | null = null): SampleRating {
  return { sampleId, rating, note, updatedAt: '2025-01-01T00:00:00.000Z' };
}

/** A finished run's summary whose counts agree with the given samples. */
export function makeSummary(samples: readonly Sample[], overrides: Partial<RunSummary> = {}): RunSummary {
  const costs = samples.map((sample) => sample.costUsd).filter((cost): cost is number => cost !== null);
  const unique = <T>(values: T[]) => [...new Set(values)];
  return {
    runId: samples[0]?.runId ?? 'run-a',
    prompt: 'p',
    commit: null,
    contentHash: 'h',
    status: 'done',
    stopReason: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:01:00.000Z',
    models: unique(samples.map((sample) => sample.model)),
    temperatures: unique(samples.map((sample) => sample.temperature)),
    cases: unique(samples.map((sample) => sample.case)),
    samplesPerCell: 1,
    total: samples.length,
    ok: samples.filter((sample) => sample.status === 'ok').length,
    errors: samples.filter((sample) => sample.status === 'error').length,
    pending: samples.filter((sample) => sample.status === 'pending').length,
    cancelled: samples.filter((sample) => sample.status === 'cancelled').length,
    inputTokens: samples.reduce((sum, sample) => sum + (sample.inputTokens ?? 0), 0),
    outputTokens: samples.reduce((sum, sample) => sum + (sample.outputTokens ?? 0), 0),
    costUsd: costs.length > 0 ? costs.reduce((sum, cost) => sum + cost, 0) : null,
    label: null,
    pinnedAt: null,
    ...overrides,
  };
}
