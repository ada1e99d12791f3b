import { describe, expect, it } from 'vitest';
import type { CompletionRequest } from '../providers/provider';
import type { RetryPolicy } from './retryPolicy';
import { callSample, type CallContext } from './sampleCall';
import { TestProvider } from '../../../test/support/testProvider';

const request: CompletionRequest = { model: 'm', messages: [{ role: 'user', content: [{ text: 'hi' }] }], temperature: 0, stream: true };
const once: RetryPolicy = { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 };

function context(provider: TestProvider, overrides: Partial<CallContext> = {}): CallContext {
  return {
    provider,
    signal: new AbortController().signal,
    limits: { silenceMs: 60_000, totalMs: 600_000 },
    price: null,
    retry: once,
    sleep: async () => {},
    random: () => 0,
    ...overrides,
  };
}

describe('callSample: what is stored', () => {
  it('keeps user:password and query secrets of an address out of a stored error, whatever the provider wrote', async () => {
    const message = 'Could not reach p at http://alice:s3cret@proxy.example/v1?api_key=QSECRET: connection refused';
    const provider = new TestProvider('p', { script: () => ({ fail: 'server', message }) });
    const result = await callSample(request, null, context(provider));
    expect(result.kind).toBe('recorded');
    const stored = result.kind === 'recorded' ? result.outcome.error?.message : undefined;
    expect(stored).toBe('Could not reach p at http://proxy.example/v1?api_key=[redacted]: connection refused');
  });

  it('keeps them out of a refused key that stops the run, too', async () => {
    const provider = new TestProvider('p', { script: () => ({ fail: 'auth', message: 'p at http://bob:hunter2@h/v1 rejected the API key (401).' }) });
    const result = await callSample(request, null, context(provider));
    expect(result).toMatchObject({ kind: 'auth', failure: { message: 'p at http://h/v1 rejected the API key (401).' } });
  });
});
