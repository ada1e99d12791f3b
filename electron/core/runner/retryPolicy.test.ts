import { describe, expect, it } from 'vitest';
import type { FailureKind, ProviderFailure } from '../providers/provider';
import { abortableSleep, defaultRetryPolicy, retryDelay } from './retryPolicy';

const failure = (kind: FailureKind, retryAfterMs: number | null = null): ProviderFailure => ({ kind, message: kind, status: null, retryAfterMs });
const policy = defaultRetryPolicy;

describe('retryDelay', () => {
  it('retries transient failures up to 4 calls in all, with full-jitter exponential backoff', () => {
    const top = () => 0.999999;
    expect([1, 2, 3].map((attempt) => retryDelay(failure('server'), attempt, policy, top))).toEqual([499, 999, 1999]);
    expect(retryDelay(failure('server'), 4, policy, top)).toBeNull();
    expect(retryDelay(failure('rate_limit'), 1, policy, () => 0)).toBe(0);
    expect(retryDelay(failure('network'), 2, policy, () => 0.5)).toBe(500);
    expect(retryDelay(failure('timeout'), 3, policy, () => 0.25)).toBe(500);
  });

  it('caps the backoff at 30 s', () => {
    expect(retryDelay(failure('server'), 10, { ...policy, maxAttempts: 20 }, () => 0.999999)).toBe(29_999);
  });

  it('honours Retry-After exactly, cut to 60 s', () => {
    expect(retryDelay(failure('rate_limit', 1234), 1, policy, () => 0.9)).toBe(1234);
    expect(retryDelay(failure('rate_limit', 0), 1, policy, () => 0.9)).toBe(0);
    expect(retryDelay(failure('rate_limit', 600_000), 1, policy, () => 0.9)).toBe(60_000);
    expect(retryDelay(failure('rate_limit', 1234), 4, policy, () => 0.9)).toBeNull();
  });

  it('gives an unreadable response one more try and never retries what cannot succeed', () => {
    expect(retryDelay(failure('malformed'), 1, policy, () => 0)).toBe(0);
    expect(retryDelay(failure('malformed'), 2, policy, () => 0)).toBeNull();
    for (const kind of ['auth', 'bad_request', 'not_found', 'cancelled'] as const) {
      expect(retryDelay(failure(kind), 1, policy, () => 0)).toBeNull();
    }
  });
});

describe('abortableSleep', () => {
  it('waits, and returns at once when the signal aborts', async () => {
    const started = Date.now();
    await abortableSleep(20, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);

    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    setTimeout(() => controller.abort(), 5);
    const before = Date.now();
    await sleeping;
    expect(Date.now() - before).toBeLessThan(1000);
    await abortableSleep(60_000, controller.signal);
  });
});

describe('retryDelay: failures marked not retryable', () => {
  it('records them at once, whatever their kind allows', () => {
    const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 1000 };
    for (const kind of ['malformed', 'timeout'] as const) {
      const failure = { kind, message: 'm', status: null, retryAfterMs: null };
      expect(retryDelay(failure, 1, policy, () => 0.5)).not.toBeNull();
      expect(retryDelay({ ...failure, retryable: false }, 1, policy, () => 0.5)).toBeNull();
    }
  });
});
