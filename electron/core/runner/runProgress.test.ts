import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary, Sample } from '../../../shared/runs';
import { RunProgressTracker } from './runProgress';
import { api } from '../../../shared/api';
import { EventBus } from '../eventBus';
import { EventLog } from '../../../test/support/testRunFixture';
import { makeSample } from '../../../test/support/runFixtures';

const sample = (index: number, status: 'ok' | 'error' = 'ok'): Sample =>
  makeSample({
    sampleId: `s${index}`,
    runId: 'r',
    model: 'a/x',
    case: 'c',
    index,
    status,
    output: status === 'ok' ? 'out' : null,
    error: status === 'ok' ? null : { code: 'server', message: 'boom', status: 500 },
    latencyMs: 1,
    attempts: 1,
  });

describe('RunProgressTracker', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('publishes progress and sample batches at most every interval, then a final state', () => {
    const log = new EventLog();
    const tracker = new RunProgressTracker({ runId: 'r', start: { total: 1000, ok: 0, errors: 0, pending: 1000 }, events: log.events, now: Date.now });
    tracker.begin();
    expect(log.progress).toHaveLength(1);
    // 10 samples per 10 ms for 1 s: 1,000 samples, yet only about 5 emissions.
    for (let i = 0; i < 100; i++) {
      for (let j = 0; j < 10; j++) tracker.sampleFinished(sample(i * 10 + j, j === 0 ? 'error' : 'ok'));
      vi.advanceTimersByTime(10);
    }
    const during = log.progress.length - 1;
    expect(during).toBeGreaterThanOrEqual(4);
    expect(during).toBeLessThanOrEqual(6);
    expect(log.samples).toHaveLength(1000);
    const last = log.progress.at(-1);
    expect(last).toMatchObject({ status: 'running', done: 1000, errors: 100, ok: 900 });
    expect(last?.rate).toBeGreaterThan(900);
    expect(last?.rate).toBeLessThan(1100);

    tracker.end({ status: 'done', ok: 900, errors: 100, stopReason: null } as RunSummary);
    expect(log.progress.at(-1)).toMatchObject({ status: 'done', done: 1000, etaMs: null });
  });

  it('estimates the time left from the recent rate, and flushes the last batch on end', () => {
    const log = new EventLog();
    const tracker = new RunProgressTracker({ runId: 'r', start: { total: 100, ok: 40, errors: 0, pending: 60 }, events: log.events, now: Date.now, intervalMs: 200 });
    tracker.begin();
    expect(log.progress[0]).toMatchObject({ done: 40, rate: 0, etaMs: null });
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(100);
      tracker.sampleFinished(sample(i));
    }
    vi.advanceTimersByTime(200);
    // 10 samples in about a second: 50 left is about 5 s.
    const last = log.progress.at(-1);
    expect(last?.etaMs).toBeGreaterThan(3500);
    expect(last?.etaMs).toBeLessThan(6500);

    tracker.sampleFinished(sample(99));
    tracker.end({ status: 'cancelled', ok: 51, errors: 0, stopReason: null } as RunSummary);
    expect(log.samples.at(-1)?.sampleId).toBe('s99');
    expect(log.progress.at(-1)).toMatchObject({ status: 'cancelled', done: 51 });
    vi.advanceTimersByTime(1000);
    expect(log.progress.at(-1)?.status).toBe('cancelled');
  });

  it('keeps finished samples only while someone listens for them', () => {
    const progress: number[] = [];
    const batches: string[][] = [];
    // Like the command line: progress only.
    const progressOnly = new EventBus(api);
    progressOnly.on('runProgress', (update) => progress.push(update.done));
    expect([progressOnly.listening('runProgress'), progressOnly.listening('runSamples')]).toEqual([true, false]);
    const tracker = new RunProgressTracker({ runId: 'r', start: { total: 4, ok: 0, errors: 0, pending: 4 }, events: progressOnly, now: Date.now });
    tracker.begin();
    tracker.sampleFinished(sample(0));
    tracker.sampleFinished(sample(1));
    // A live grid opens part way: it gets the samples from then on (it reads the rest with getRun).
    const stop = progressOnly.on('runSamples', ({ samples }) => batches.push(samples.map((one) => one.sampleId)));
    tracker.sampleFinished(sample(2));
    vi.advanceTimersByTime(300);
    stop();
    tracker.sampleFinished(sample(3));
    tracker.end({ status: 'done', ok: 4, errors: 0, stopReason: null } as RunSummary);
    expect(batches).toEqual([['s2']]);
    expect(progress.at(-1)).toBe(4);
  });
});
