import { describe, expect, it } from 'vitest';
import { applyProgress, mergeSamples } from './runCache';
import { makeOk, makeRun, makeSample, makeSummary } from '../../test/support/runFixtures';

describe('merging finished samples into a cached run', () => {
  const pending = [makeSample({ sampleId: 'a' }), makeSample({ sampleId: 'b', index: 1 })];

  it('replaces the samples by id and keeps the others as they were', () => {
    const run = makeRun(pending);
    const next = mergeSamples(run, [makeOk({ sampleId: 'b', index: 1 })]);
    expect(next.samples[0]).toBe(run.samples[0]);
    expect(next.samples[1]).toMatchObject({ sampleId: 'b', status: 'ok', output: 'Paris' });
    expect(run.samples[1]?.status).toBe('pending');
  });

  it('moves the counts, tokens and cost with the samples', () => {
    const run = makeRun(pending);
    const next = mergeSamples(run, [makeOk({ sampleId: 'a' }), makeSample({ sampleId: 'b', status: 'error', attempts: 3 })]);
    expect(next.summary).toMatchObject({ ok: 1, errors: 1, pending: 0, inputTokens: 10, outputTokens: 2, costUsd: 0.001 });
  });

  it('does not count a sample twice when the same result arrives again', () => {
    const once = mergeSamples(makeRun(pending), [makeOk({ sampleId: 'a' })]);
    const twice = mergeSamples(once, [makeOk({ sampleId: 'a' })]);
    expect(twice).toBe(once);
    expect(twice.summary.ok).toBe(1);
  });

  it('adds samples it did not know, and ignores other runs', () => {
    const run = makeRun(pending);
    const next = mergeSamples(run, [makeOk({ sampleId: 'c', index: 2 }), makeOk({ sampleId: 'z', runId: 'other' })]);
    expect(next.samples.map((sample) => sample.sampleId)).toEqual(['a', 'b', 'c']);
  });

  it('returns the same run for an empty batch', () => {
    const run = makeRun(pending);
    expect(mergeSamples(run, [])).toBe(run);
  });
});

describe('applying a progress tick to a summary', () => {
  const progress = { runId: 'r1', status: 'running', total: 10, done: 4, ok: 3, errors: 1, rate: 2, etaMs: 3000, stopReason: null } as const;

  it('takes the status and the counts', () => {
    expect(applyProgress(makeSummary({ total: 10 }), { ...progress, status: 'cancelled', stopReason: 'Cancelled' })).toMatchObject({
      status: 'cancelled',
      stopReason: 'Cancelled',
      ok: 3,
      errors: 1,
    });
  });

  it('keeps the same object when nothing it shows changed', () => {
    const summary = makeSummary({ total: 10, ok: 3, errors: 1 });
    expect(applyProgress(summary, progress)).toBe(summary);
  });

  it('leaves other runs alone', () => {
    const summary = makeSummary({ runId: 'other' });
    expect(applyProgress(summary, progress)).toBe(summary);
  });
});
