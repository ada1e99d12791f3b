// One call to one model outside any run: the timeouts a run's calls have (Settings' silence and
// overall limits), but no retries, since a person is watching and can simply press again. The text
// streams through `onText` as it arrives; the answer comes back with its tokens, latency and cost,
// or the failure as data with a message that says what to do. Try once is built on it; anything
// else that wants one answer of a rendered prompt (outside the runs table) can call it too.
import { costUsd, type PriceEntry } from '../../../shared/pricing';
import type { TryOnceAnswer } from '../../../shared/tryOnce';
import type { CompletionRequest, ModelProvider, ProviderFailure } from '../providers/provider';
import { redactSecrets } from '../providers/secretRedaction';
import { callSignal, type CallLimits } from '../runner/callLimits';
import { timeoutFailure } from '../runner/sampleCall';

export interface CallOnceOptions {
  provider: ModelProvider;
  request: CompletionRequest;
  limits: CallLimits;
  /** The model's price, for the answer's cost; null when unknown. */
  price: PriceEntry | null;
  /** Aborting it stops the request: the result is then a `cancelled` failure. */
  signal: AbortSignal;
  /** Each piece of text as it arrives, in order (only when `request.stream` is set). */
  onText?: (piece: string) => void;
}

export type CallOnceResult = { ok: true; answer: TryOnceAnswer } | { ok: false; failure: ProviderFailure };

export async function callOnce({ provider, request, limits, price, signal, onText }: CallOnceOptions): Promise<CallOnceResult> {
  const call = callSignal(signal, limits);
  try {
    const result = await provider.complete(request, { signal: call.signal, activity: call.activity, onText });
    if (result.ok) {
      const { inputTokens, outputTokens } = result;
      return {
        ok: true,
        answer: {
          output: result.output,
          finishReason: result.finishReason,
          latencyMs: result.latencyMs,
          ttftMs: result.ttftMs,
          inputTokens,
          outputTokens,
          // Unknown token counts make the cost unknown rather than a guess.
          costUsd: inputTokens === null || outputTokens === null ? null : costUsd(price, inputTokens, outputTokens),
        },
      };
    }
    const failure = result.failure.kind === 'cancelled' && call.timedOut ? timeoutFailure(provider, call.timedOut, limits) : result.failure;
    return { ok: false, failure: { ...failure, message: redactSecrets(failure.message) } };
  } catch (error) {
    // complete() promises to return failures as data; a throw is a bug in the provider, said as such.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { kind: 'malformed', message: redactSecrets(`${provider.label} failed unexpectedly: ${message}`), status: null, retryAfterMs: null } };
  } finally {
    call.dispose();
  }
}
