// Executing runs: rows up front, writes as samples finish, order, per-provider limits, retries,
// timeouts, unknown providers, a refused key, and the events the UI gets.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRunner, testPlan, until, type TestRunner } from '../../../test/support/testRunFixture';
import { TestProvider } from '../../../test/support/testProvider';

let runner: TestRunner | undefined;
afterEach(async () => {
  await runner?.dispose();
  runner = undefined;
});

describe('RunManager: executing a run', () => {
  it('writes every sample up front and each one the moment it finishes', async () => {
    const alpha = new TestProvider('alpha', { latencyMs: 40 });
    runner = createTestRunner([alpha], { alpha: 1 });
    const started = await runner.manager.start(testPlan({ samples: 4 }));
    expect(started).toMatchObject({ status: 'running', total: 4, pending: 4, ok: 0 });
    expect(runner.manager.active.has(started.runId)).toBe(true);

    // Each answer is written by the end of the event-loop turn it arrived in (sampleWriter.ts),
    // long before the next 40 ms call comes back.
    const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));
    await until(() => alpha.calls === 2);
    await endOfTurn();
    expect(runner.database.runs.summary(started.runId)).toMatchObject({ ok: 1, pending: 3 });
    await until(() => alpha.calls === 3);
    await endOfTurn();
    expect(runner.database.runs.summary(started.runId)).toMatchObject({ ok: 2, pending: 2 });

    const finished = await runner.manager.finished(started.runId);
    expect(finished).toMatchObject({ status: 'done', ok: 4, pending: 0, stopReason: null });
    expect(finished.finishedAt).not.toBeNull();
    expect(runner.manager.active.size).toBe(0);
    expect(runner.database.runs.status(started.runId)?.ownerPid).toBeNull();
  });

  it('sends what the plan says and records what was sent, with cost from the pricing table', async () => {
    const alpha = new TestProvider('alpha');
    runner = createTestRunner([alpha]);
    runner.database.settings.write({ key: 'pricing', value: [{ pattern: 'alpha/*', inputPerMTok: 1, outputPerMTok: 2 }] });
    const plan = testPlan({ temperatures: [0.7], seedMode: 'per-sample', seed: 10, topP: 0.9, maxTokens: 64, stream: false }, ['Ann']);
    plan.output = { format: 'json', schema: { type: 'object' } };
    const { runId } = await runner.manager.start(plan);
    await runner.manager.finished(runId);

    expect(alpha.requests[0]).toEqual({
      model: 'm1',
      messages: [{ role: 'user', content: [{ text: 'Hello Ann' }] }],
      temperature: 0.7,
      topP: 0.9,
      maxTokens: 64,
      seed: 10,
      output: { format: 'json', schema: { type: 'object' } },
      stream: false,
    });
    const [sample] = runner.manager.get(runId).samples;
    const detail = runner.manager.sample(sample?.sampleId ?? '');
    expect(detail).toMatchObject({
      status: 'ok',
      output: 'm1 t=0.7',
      seed: 10,
      inputTokens: 10,
      outputTokens: 5,
      costUsd: 20 / 1_000_000,
      attempts: 1,
      finishReason: 'stop',
      params: { model: 'm1', temperature: 0.7, seed: 10, topP: 0.9, maxTokens: 64 },
      input: { name: 'Ann' },
    });
    expect(detail.latencyMs).toBeGreaterThanOrEqual(0);
    expect(detail.startedAt).not.toBeNull();
  });

  it('calls in the interleaved order and keeps each provider within its own limit', async () => {
    const alpha = new TestProvider('alpha', { latencyMs: 3 });
    const beta = new TestProvider('beta', { latencyMs: 3 });
    runner = createTestRunner([alpha, beta], { alpha: 1, beta: 3 });
    const { runId } = await runner.manager.start(testPlan({ models: ['alpha/m1', 'beta/m2'], temperatures: [0, 1], samples: 10 }, ['c1', 'c2']));
    await runner.manager.finished(runId);

    expect(alpha.maxInFlight).toBe(1);
    expect(beta.maxInFlight).toBe(3);
    expect(alpha.calls).toBe(40);
    expect(alpha.requests.slice(0, 5).map((request) => `${request.messages[0]?.content[0]?.text} ${request.temperature}`)).toEqual([
      'Hello c1 0',
      'Hello c1 1',
      'Hello c2 0',
      'Hello c2 1',
      'Hello c1 0',
    ]);

    const override = await runner.manager.start(testPlan({ models: ['beta/m2'], samples: 30, concurrency: 6 }));
    beta.maxInFlight = 0;
    await runner.manager.finished(override.runId);
    expect(beta.maxInFlight).toBe(6);
  });

  it('retries transient failures with backoff and Retry-After, and records the last failure when they persist', async () => {
    const alpha = new TestProvider('alpha', {
      script: ({ request, call }) => {
        if (request.temperature === 1) return { fail: 'server', status: 503, message: 'Alpha is overloaded (503).' };
        if (call === 1) return { fail: 'rate_limit', status: 429, retryAfterMs: 1500 };
        if (call === 2) return { fail: 'network' };
        return { ok: 'fine' };
      },
    });
    runner = createTestRunner([alpha], { alpha: 1 });
    const { runId } = await runner.manager.start(testPlan({ temperatures: [0, 1] }));
    const summary = await runner.manager.finished(runId);

    expect(summary).toMatchObject({ status: 'done', ok: 1, errors: 1 });
    const [ok, failed] = runner.manager.get(runId).samples;
    expect(ok).toMatchObject({ status: 'ok', output: 'fine', attempts: 3 });
    expect(failed).toMatchObject({ status: 'error', attempts: 4, error: { code: 'server', status: 503, message: 'Alpha is overloaded (503).' } });
    // Retry-After as given; then full jitter (random 0.5) on 500 ms doubling: attempt 2 → 500, then 250, 500, 1000.
    expect(runner.delays).toEqual([1500, 500, 250, 500, 1000]);
    expect(alpha.calls).toBe(7);
  });

  it('records a call silent for longer than the timeout as a timeout', async () => {
    const alpha = new TestProvider('alpha', { script: () => ({ hang: true }) });
    runner = createTestRunner([alpha], {}, { retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } });
    runner.database.settings.write({ key: 'providers', value: { ...runner.database.settings.read().providers, timeoutSeconds: 1 } });
    const started = Date.now();
    const { runId } = await runner.manager.start(testPlan());
    await runner.manager.finished(runId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(runner.manager.get(runId).samples[0]).toMatchObject({
      status: 'error',
      error: { code: 'timeout', message: 'Test alpha sent nothing for 1 s (the silence timeout in Settings).' },
    });
    expect(alpha.aborted).toBe(1);
  });

  it('fails the samples of an unknown provider without calling, and runs the rest', async () => {
    const alpha = new TestProvider('alpha');
    runner = createTestRunner([alpha]);
    const { runId } = await runner.manager.start(testPlan({ models: ['alpha/m1', 'ghost/m2'], samples: 3 }));
    const summary = await runner.manager.finished(runId);
    expect(summary).toMatchObject({ status: 'done', ok: 3, errors: 3 });
    const ghost = runner.manager.get(runId).samples.filter((sample) => sample.model === 'ghost/m2');
    expect(ghost.every((sample) => sample.error?.code === 'not_found' && sample.attempts === 0)).toBe(true);
    expect(ghost[0]?.error?.message).toMatch(/no provider "ghost"/);
  });

  it('stops a provider whose key is refused, leaving its samples pending, and finishes the others', async () => {
    let keyFixed = false;
    const alpha = new TestProvider('alpha', {
      script: () => (keyFixed ? { ok: 'now it works' } : { fail: 'auth', status: 401, message: 'Alpha rejected the API key (401).' }),
    });
    const beta = new TestProvider('beta', { latencyMs: 2 });
    runner = createTestRunner([alpha, beta], { alpha: 1, beta: 2 });
    const { runId } = await runner.manager.start(testPlan({ models: ['alpha/m1', 'beta/m2'], samples: 10 }));
    const stopped = await runner.manager.finished(runId);

    expect(alpha.calls).toBe(1);
    expect(beta.calls).toBe(10);
    expect(stopped).toMatchObject({
      status: 'interrupted',
      ok: 10,
      errors: 0,
      pending: 10,
      stopReason: 'Alpha rejected the API key (401). Fix the key in Settings, then resume the run.',
    });
    expect(runner.log.progress.at(-1)).toMatchObject({ status: 'interrupted', stopReason: stopped.stopReason });

    keyFixed = true;
    await runner.manager.resume(runId);
    expect(await runner.manager.finished(runId)).toMatchObject({ status: 'done', ok: 20, stopReason: null });
    expect(alpha.calls).toBe(11);
    expect(beta.calls).toBe(10);
  });

  it('publishes throttled progress and every finished sample, then the final state', async () => {
    const alpha = new TestProvider('alpha', { latencyMs: 1 });
    runner = createTestRunner([alpha], { alpha: 8 });
    const { runId } = await runner.manager.start(testPlan({ samples: 300, temperatures: [0, 1] }));
    await runner.manager.finished(runId);

    const { progress, samples } = runner.log;
    expect(progress[0]).toMatchObject({ runId, status: 'running', total: 600, done: 0 });
    expect(progress.at(-1)).toMatchObject({ runId, status: 'done', total: 600, done: 600, ok: 600, etaMs: null });
    expect(progress.length).toBeLessThan(60);
    expect(new Set(samples.map((sample) => sample.sampleId)).size).toBe(600);
    expect(samples.every((sample) => sample.status === 'ok' && sample.runId === runId)).toBe(true);
  });
});
