// One sample from first call to recorded result: the call with its timeout, retries with backoff,
// and the outcome to write. Nothing here touches the database; the executor writes what comes back.
import { costUsd, type PriceEntry } from '../../../shared/pricing';
import type { CompletionRequest, CompletionResult, ModelProvider, ProviderFailure } from '../providers/provider';
import { redactSecrets } from '../providers/secretRedaction';
import type { SampleOutcome } from '../store/runStore';
import { callSignal, type CallLimits, type CallTimeout } from './callLimits';
import { retryDelay, type RetryPolicy } from './retryPolicy';

export interface CallContext {
  provider: ModelProvider;
  /** Aborted by a cancel, a close, or this provider's key being refused. */
  signal: AbortSignal;
  /** Silence and overall timeouts of each call (Settings). */
  limits: CallLimits;
  price: PriceEntry | null;
  retry: RetryPolicy;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  /** Each piece of text as it streams in (Try once shows it live; a run records only the answer). */
  onText?: (piece: string) => void;
}

export type CallResult =
  /** The answer, or the failure to keep on the sample (also as data, for callers that tell a person: Try once). */
  | { kind: 'recorded'; outcome: SampleOutcome; failure: ProviderFailure | null }
  /** The provider refused the key: the sample stays pending for a resume once the key is fixed. */
  | { kind: 'auth'; failure: ProviderFailure }
  /** Stopped by the signal: the sample stays pending (a cancel then marks it cancelled). */
  | { kind: 'abandoned' };

export async function callSample(request: CompletionRequest, seed: number | null, context: CallContext): Promise<CallResult> {
  const { provider, signal } = context;
  const startedAt = Date.now();
  for (let attempt = 1; ; attempt++) {
    const call = callSignal(signal, context.limits);
    let result: CompletionResult;
    try {
      result = await provider.complete(request, { signal: call.signal, activity: call.activity, onText: context.onText });
    } catch (error) {
      // complete() promises to return failures as data; a throw is a bug in the provider, kept on the sample.
      result = { ok: false, latencyMs: Date.now() - startedAt, sent: {}, failure: unexpected(provider, error) };
    } finally {
      call.dispose();
    }
    if (signal.aborted) return { kind: 'abandoned' };
    if (result.ok) return { kind: 'recorded', outcome: okOutcome(result, seed, attempt, startedAt, context.price), failure: null };

    // The providers already keep secrets out of their messages; this is the last check before the
    // message is stored (and from there exported and reported).
    let failure = { ...result.failure, message: redactSecrets(result.failure.message) };
    if (failure.kind === 'cancelled' && call.timedOut) failure = timeoutFailure(provider, call.timedOut, context.limits);
    if (failure.kind === 'auth') return { kind: 'auth', failure };
    const delay = retryDelay(failure, attempt, context.retry, context.random);
    if (delay === null) return { kind: 'recorded', outcome: errorOutcome(result.latencyMs, result.sent, failure, seed, attempt, startedAt), failure };
    await context.sleep(delay, signal);
    if (signal.aborted) return { kind: 'abandoned' };
  }
}

function okOutcome(
  result: Extract<CompletionResult, { ok: true }>,
  seed: number | null,
  attempts: number,
  startedAt: number,
  price: PriceEntry | null,
): SampleOutcome {
  const { inputTokens, outputTokens } = result;
  return {
    status: 'ok',
    output: result.output,
    finishReason: result.finishReason,
    inputTokens,
    outputTokens,
    latencyMs: result.latencyMs,
    ttftMs: result.ttftMs,
    // Unknown token counts make the cost unknown rather than a guess.
    costUsd: inputTokens === null || outputTokens === null ? null : costUsd(price, inputTokens, outputTokens),
    params: paramsSent(result.sent, seed),
    attempts,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date().toISOString(),
  };
}

function errorOutcome(
  latencyMs: number,
  sent: Record<string, unknown>,
  failure: ProviderFailure,
  seed: number | null,
  attempts: number,
  startedAt: number,
): SampleOutcome {
  return {
    status: 'error',
    error: { code: failure.kind, message: failure.message, status: failure.status },
    latencyMs,
    params: paramsSent(sent, seed),
    attempts,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date().toISOString(),
  };
}

/** The parameters as sent, with the seed even if the provider reports it elsewhere, to reproduce the sample. */
function paramsSent(sent: Record<string, unknown>, seed: number | null): Record<string, unknown> {
  return seed === null || 'seed' in sent ? sent : { ...sent, seed };
}

/** What to say when a call hit one of its limits. */
function timeoutFailure(provider: ModelProvider, timeout: CallTimeout, limits: CallLimits): ProviderFailure {
  if (timeout === 'silence') {
    return {
      kind: 'timeout',
      message: `${provider.label} sent nothing for ${formatDuration(limits.silenceMs)} (the silence timeout in Settings).`,
      status: null,
      retryAfterMs: null,
    };
  }
  // An answer still arriving at the cap would hit it again: raising the cap is what helps, not a retry.
  return {
    kind: 'timeout',
    message: `${provider.label} was still answering after ${formatDuration(limits.totalMs)}, the longest a call may take. Raise it in Settings for answers this long.`,
    status: null,
    retryAfterMs: null,
    retryable: false,
  };
}

function formatDuration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function unexpected(provider: ModelProvider, error: unknown): ProviderFailure {
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'malformed', message: `${provider.label} failed unexpectedly: ${message}`, status: null, retryAfterMs: null };
}
