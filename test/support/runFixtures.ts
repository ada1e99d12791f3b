// Hand-made runs and samples for unit tests (imported by *.test.ts only).
import { PENDING_RESULT, type RunDetail, type RunSummary, type Sample } from '../../shared/runs';

export function makeSample(overrides: Partial<Sample> = {}): Sample {
  return {
    sampleId: 's1',
    runId: 'r1',
    model: 'openai/gpt-4o-mini',
    temperature: 0,
    case: 'France',
    index: 0,
    seed: null,
    ...PENDING_RESULT,
    ...overrides,
  };
}

export function makeOk(overrides: Partial<Sample> = {}): Sample {
  return makeSample({
    status: 'ok',
    output: 'Paris',
    finishReason: 'stop',
    inputTokens: 10,
    outputTokens: 2,
    latencyMs: 120,
    costUsd: 0.001,
    attempts: 1,
    finishedAt: '2025-01-01T00:00:01.000Z',
    ...overrides,
  });
}

export function makeSummary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    runId: 'r1',
    prompt: 'capital-city',
    commit: null,
    contentHash: 'abc',
    status: 'running',
    stopReason: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    finishedAt: null,
    models: ['openai/gpt-4o-mini'],
    temperatures: [0],
    cases: ['France'],
    samplesPerCell: 1,
    total: 1,
    ok: 0,
    errors: 0,
    pending: 1,
    cancelled: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: null,
    label: null,
    pinnedAt: null,
    ...overrides,
  };
}

export function makeRun(samples: Sample[], overrides: Partial<RunSummary> = {}): RunDetail {
  const summary = makeSummary({ total: samples.length, pending: samples.length, ...overrides });
  return {
    summary,
    request: {
      prompt: summary.prompt,
      models: summary.models,
      temperatures: summary.temperatures,
      cases: summary.cases,
      samples: summary.samplesPerCell,
      seedMode: 'none',
      seed: 42,
      stream: true,
    },
    output: null,
    samples,
    skipped: [],
    ratings: [],
  };
}
