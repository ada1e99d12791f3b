// A streaming request answered with one plain JSON body instead of a stream: a proxy or gateway
// that buffers, an endpoint that ignores `stream`, a cache. The SDKs read no chunk from such a body,
// which looks just like a stream cut short, so it used to be reported as a lost connection and
// retried. Asking again gets the same body: it is reported as what it is, once.
import type { ProviderFailure } from './provider';
import { providerFailure, type FailureContext } from './providerFailure';

/** application/json and its +json kinds; not Ollama's application/x-ndjson stream. */
const JSON_TYPE = /^application\/(?:[\w.-]*\+)?json\b/i;

interface AnswerHead {
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
}

/** A successful answer whose body is JSON rather than SSE or JSON lines. */
export function answeredWithJson(response: AnswerHead | null | undefined): boolean {
  return response !== null && response !== undefined && response.ok && JSON_TYPE.test(response.headers.get('content-type') ?? '');
}

export function jsonInsteadOfStreamFailure(context: FailureContext): ProviderFailure {
  const failure = providerFailure(
    'malformed',
    `${context.label} at ${context.baseUrl} answered a streaming request with plain JSON instead of a stream. ` +
      'Check the address in Settings, and that any proxy or gateway in front of it passes streams through; ' +
      'or run without streaming ("Stream responses" off, or --no-stream).',
  );
  return { ...failure, retryable: false };
}
