import { describe, expect, it } from 'vitest';
import { PENDING_RESULT, Sample, SampleIdentity, SampleResult, sampleOf } from './runs';

const identity: SampleIdentity = { sampleId: 'r-3', runId: 'r', model: 'openai/m', temperature: 0.7, case: 'a', index: 1, seed: 43 };

describe('the sample shape', () => {
  it('splits the fields of a sample into its identity and its result, each field in exactly one', () => {
    const parts = [...Object.keys(SampleIdentity.shape), ...Object.keys(SampleResult.shape)];
    expect(parts.sort()).toEqual(Object.keys(Sample.shape).sort());
  });

  it('has a pending result that is a valid result: pending, no attempts, everything else null', () => {
    expect(SampleResult.parse(PENDING_RESULT)).toEqual(PENDING_RESULT);
    expect(PENDING_RESULT).toMatchObject({ status: 'pending', attempts: 0, output: null, error: null, finishedAt: null });
    expect(Object.isFrozen(PENDING_RESULT)).toBe(true);
  });

  it('makes a whole sample from its identity and what it recorded, leaving out what is not a field', () => {
    const outcome = { status: 'ok' as const, output: 'Paris', latencyMs: 12.5, attempts: 2, params: { seed: 43 } };
    const sample = sampleOf(identity, outcome);
    expect(Sample.parse(sample)).toEqual(sample);
    expect(sample).toEqual({ ...identity, ...PENDING_RESULT, status: 'ok', output: 'Paris', latencyMs: 12.5, attempts: 2 });
    expect(Object.keys(sample)).toEqual(Object.keys(Sample.shape));
  });
});
