// Which failed calls are worth another try, and how long to wait first. Transient failures (429,
// 5xx, a dropped connection, a timeout) retry with exponential backoff and full jitter, so many
// samples that failed together do not come back together; a server's Retry-After is honoured as
// given. An unreadable response gets one more try (it is usually a cut-off stream); a rejected key,
// a bad request, an unknown model or a cancel never retry, nor does a failure marked not retryable
// (a stream answered with plain JSON, an answer still arriving at the overall cap).
import type { FailureKind, ProviderFailure } from '../providers/provider';

export interface RetryPolicy {
  /** Calls per sample in all, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The most a Retry-After can make us wait; a longer one is cut to this. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 };

const attemptsByKind: Partial<Record<FailureKind, 'policy' | number>> = {
  rate_limit: 'policy',
  server: 'policy',
  network: 'policy',
  timeout: 'policy',
  malformed: 2,
};

/** The delay before attempt `attempt + 1`, or null when the failure should be recorded as it is. */
export function retryDelay(failure: ProviderFailure, attempt: number, policy: RetryPolicy, random: () => number): number | null {
  const allowed = attemptsByKind[failure.kind];
  if (allowed === undefined || failure.retryable === false) return null;
  const maxAttempts = allowed === 'policy' ? policy.maxAttempts : Math.min(allowed, policy.maxAttempts);
  if (attempt >= maxAttempts) return null;
  if (failure.retryAfterMs !== null && failure.retryAfterMs >= 0) return Math.min(failure.retryAfterMs, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Waits `ms`, or less if `signal` aborts first (it resolves then; the caller checks the signal). */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
