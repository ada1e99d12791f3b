// Steering runs: cancel, resume, retry-failed, recovery after a crash, and closing the app mid-run.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { abortableSleep } from './retryPolicy';
import { expandSamples } from './sampleMatrix';
import { createTestRunner, testPlan, until, type TestRunner } from '../../../test/support/testRunFixture';
import { TestProvider } from '../../../test/support/testProvider';

let runner: TestRunner | undefined;
afterEach(async () => {
  await runner?.dispose();
  runner = undefined;
});

const slowProvider = () => new TestProvider('alpha', { latencyMs: 60_000 });

describe('RunManager: steering runs', () => {
  it('cancels promptly: in-flight calls aborted, the rest cancelled, the run cancelled', async () => {
    const alpha = slowProvider();
    runner = createTestRunner([alpha], { alpha: 2 });
    const { runId } = await runner.manager.start(testPlan({ samples: 10 }));
    await until(() => alpha.inFlight === 2);

    const cancelled = await runner.manager.cancel(runId);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelled: 10, pending: 0, ok: 0 });
    const before = Date.now();
    await runner.manager.finished(runId);
    expect(Date.now() - before).toBeLessThan(1000);
    expect(alpha.aborted).toBe(2);
    expect(alpha.calls).toBe(2);
    expect(runner.manager.active.size).toBe(0);
    expect(runner.manager.get(runId).samples.every((sample) => sample.status === 'cancelled')).toBe(true);
    expect(runner.log.progress.at(-1)).toMatchObject({ runId, status: 'cancelled' });
    // Cancelling again is a no-op that still answers with the summary.
    expect((await runner.manager.cancel(runId)).status).toBe('cancelled');
  });

  it('cancel interrupts a backoff at once', async () => {
    const alpha = new TestProvider('alpha', { script: () => ({ fail: 'rate_limit', status: 429, retryAfterMs: 50_000 }) });
    runner = createTestRunner([alpha], { alpha: 1 }, { sleep: abortableSleep });
    const { runId } = await runner.manager.start(testPlan({ samples: 3 }));
    await until(() => alpha.calls === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = Date.now();
    await runner.manager.cancel(runId);
    expect(await runner.manager.finished(runId)).toMatchObject({ status: 'cancelled', cancelled: 3, errors: 0 });
    expect(Date.now() - before).toBeLessThan(1000);
    expect(alpha.calls).toBe(1);
  });

  it('resumes exactly the samples left, even straight after a cancel', async () => {
    const alpha = new TestProvider('alpha', { latencyMs: 5 });
    runner = createTestRunner([alpha], { alpha: 1 });
    const { runId } = await runner.manager.start(testPlan({ samples: 20 }));
    await until(() => (runner?.database.runs.summary(runId)?.ok ?? 0) >= 5);
    const cancelled = await runner.manager.cancel(runId);
    const finishedBefore = cancelled.ok;
    const callsBefore = alpha.calls;
    const abortedBefore = alpha.aborted;

    // The cancelled execution may still be settling; the resume waits for it.
    const resumed = await runner.manager.resume(runId);
    expect(resumed).toMatchObject({ status: 'running', pending: 20 - finishedBefore, cancelled: 0 });
    await expect(runner.manager.resume(runId)).rejects.toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    const done = await runner.manager.finished(runId);
    expect(done).toMatchObject({ status: 'done', ok: 20, cancelled: 0, pending: 0 });
    expect(alpha.calls - callsBefore).toBe(20 - finishedBefore);
    expect(abortedBefore).toBeLessThanOrEqual(1);
    expect(runner.log.progress.at(-1)).toMatchObject({ status: 'done', done: 20 });
  });

  it('retries only the failed samples, and refuses when there are none', async () => {
    let healthy = false;
    const alpha = new TestProvider('alpha', {
      script: ({ request }) => (healthy || request.temperature === 0 ? { ok: 'fine' } : { fail: 'bad_request', status: 400, message: 'Alpha refused the request (400).' }),
    });
    runner = createTestRunner([alpha]);
    const { runId } = await runner.manager.start(testPlan({ temperatures: [0, 1], samples: 3 }));
    await expect(runner.manager.retryFailed(runId)).rejects.toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(await runner.manager.finished(runId)).toMatchObject({ status: 'done', ok: 3, errors: 3 });
    expect(alpha.calls).toBe(6);

    healthy = true;
    expect(await runner.manager.retryFailed(runId)).toMatchObject({ status: 'running', errors: 0, pending: 3 });
    expect(await runner.manager.finished(runId)).toMatchObject({ status: 'done', ok: 6, errors: 0 });
    expect(alpha.calls).toBe(9);
    expect(runner.manager.get(runId).samples.every((sample) => sample.attempts === 1)).toBe(true);
    await expect(runner.manager.retryFailed(runId)).rejects.toThrow(/no failed samples/);
  });

  it('answers NOT_FOUND for unknown runs and samples', async () => {
    runner = createTestRunner([]);
    const notFound = expect.objectContaining({ code: 'NOT_FOUND' });
    await expect(runner.manager.cancel('missing')).rejects.toThrow(notFound);
    await expect(runner.manager.resume('missing')).rejects.toThrow(notFound);
    await expect(runner.manager.retryFailed('missing')).rejects.toThrow(notFound);
    expect(() => runner?.manager.get('missing')).toThrow(notFound);
    expect(() => runner?.manager.sample('missing')).toThrow(notFound);
    await expect(runner.manager.finished('missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('marks runs of a dead process interrupted at open, and resumes them', async () => {
    const alpha = new TestProvider('alpha');
    runner = createTestRunner([alpha]);
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const plan = testPlan({ samples: 4 });
    const crashed = runner.database.runs.create(plan, expandSamples(plan.request, ['only']), deadPid);
    const mine = runner.database.runs.create(plan, expandSamples(plan.request, ['only']), process.pid);

    runner.manager.recoverInterrupted();
    expect(runner.manager.get(crashed).summary).toMatchObject({
      status: 'interrupted',
      pending: 4,
      stopReason: 'The app stopped during this run (4 samples left). Resume it to finish.',
    });
    expect(runner.manager.get(mine).summary.status).toBe('running');
    await expect(runner.manager.resume(mine)).rejects.toThrow(/still running/);

    await runner.manager.resume(crashed);
    expect(await runner.manager.finished(crashed)).toMatchObject({ status: 'done', ok: 4 });
    expect(alpha.calls).toBe(4);
  });

  it('on close, aborts active runs and leaves them interrupted with their samples pending', async () => {
    const alpha = slowProvider();
    const first = createTestRunner([alpha], { alpha: 2 });
    runner = first;
    const { runId } = await first.manager.start(testPlan({ samples: 6 }));
    await until(() => alpha.inFlight === 2);

    await first.manager.close();
    expect(first.manager.active.size).toBe(0);
    expect(alpha.aborted).toBe(2);
    expect(first.manager.get(runId).summary).toMatchObject({
      status: 'interrupted',
      pending: 6,
      cancelled: 0,
      stopReason: 'The app closed during this run (6 samples left). Resume it to finish.',
    });
    expect(first.log.progress.at(-1)).toMatchObject({ status: 'interrupted' });
  });
});
