// Turns whatever a provider call threw (an SDK's APIError, Ollama's ResponseError, undici's
// "fetch failed"/"terminated", a JSON SyntaxError, an AbortError) into a ProviderFailure: a kind the
// runner can act on (retry, stop the run, mark cancelled) and a message a person can act on.
// The SDKs are matched by shape (status, headers, name, cause codes), not by class, so one mapper
// serves all three libraries and errors from plain fetch.
import type { ProviderKind } from '../../../shared/providers';
import type { FailureKind, ProviderFailure } from './provider';
import { ProviderFailureError } from './provider';
import { UnsupportedContentError } from './providerMessages';
import { redactSecrets } from './secretRedaction';

export interface FailureContext {
  /** "OpenAI", "Anthropic", "Ollama" or the endpoint's name. */
  label: string;
  kind: ProviderKind;
  /** As shown in messages: without user:password (see displayAddress). */
  baseUrl: string;
  /** The call's model, for "unknown model" messages; absent for model discovery. */
  model?: string;
  /** The environment variable that supplies the key, named in "rejected the API key" messages. */
  keyVariable?: string | null;
  /** Never shown: removed from any text a server echoes back. */
  apiKey?: string | null;
}

interface HeaderSource {
  get(name: string): string | null;
}

export function providerFailure(kind: FailureKind, message: string, status: number | null = null, retryAfterMs: number | null = null): ProviderFailure {
  return { kind, message, status, retryAfterMs };
}

export function cancelledFailure(label: string): ProviderFailure {
  return providerFailure('cancelled', `The call to ${label} was cancelled.`);
}

/**
 * Maps anything a call threw. `signal` is the call's own: once it has fired, the outcome is
 * 'cancelled' whatever the SDK made of the abort (the runner tells its timeout from a cancel).
 * `headers` are the response's when the error does not carry them (Ollama's ResponseError).
 * The message never holds a secret: SDK and server texts can quote the address or the key.
 */
export function toProviderFailure(error: unknown, context: FailureContext, signal?: AbortSignal, headers?: HeaderSource | null): ProviderFailure {
  const failure = mapFailure(error, context, signal, headers);
  const message = redactSecrets(failure.message, context.apiKey);
  return message === failure.message ? failure : { ...failure, message };
}

function mapFailure(error: unknown, context: FailureContext, signal?: AbortSignal, headers?: HeaderSource | null): ProviderFailure {
  if (signal?.aborted) return cancelledFailure(context.label);
  if (error instanceof ProviderFailureError) return error.failure;
  if (error instanceof UnsupportedContentError) {
    return providerFailure('bad_request', `${context.label} cannot take this prompt: ${error.message}`);
  }
  const chain = causeChain(error);
  if (chain.some((entry) => entry.name === 'AbortError' || entry.name === 'APIUserAbortError')) return cancelledFailure(context.label);

  const status = statusOf(error);
  if (status !== null) {
    const source = headerSource(error) ?? headers ?? null;
    return statusFailure(status, detailOf(error, context), source, context);
  }
  if (chain.some((entry) => entry.name === 'APIConnectionTimeoutError')) {
    return providerFailure('timeout', `${context.label} did not answer in time at ${context.baseUrl}.`);
  }
  if (chain.some((entry) => entry.name === 'SyntaxError')) {
    return malformedFailure(context, 'it is not valid JSON');
  }
  const network = networkFailure(chain, context);
  if (network) return network;
  const message = firstMessage(error);
  // Ollama reports a stream that ended without its final line (it skips unreadable lines) this way.
  if (/did not receive done/i.test(message)) return malformedFailure(context, 'the stream ended without its final message');
  if (error instanceof TypeError) return malformedFailure(context, message);
  // An error the server sent inside a stream (OpenAI's `error` chunk, Anthropic's `error` event,
  // Ollama's `{"error": …}` line): the server failed part-way, which is worth a retry.
  return providerFailure('server', `${context.label} failed while answering: ${message}`);
}

/** A provider that needs a key has none: refused before any call is made. */
export function missingKeyFailure(label: string, keyVariable: string): ProviderFailure {
  return providerFailure('auth', `${label} has no API key. Set ${keyVariable} or add a key in Settings.`);
}

export function malformedFailure(context: FailureContext, reason: string): ProviderFailure {
  return providerFailure('malformed', redactSecrets(`${context.label} sent a response that could not be read: ${reason}.`, context.apiKey));
}

/** The connection closed before the last chunk of a streamed answer (no finish reason, no stop event). */
export function droppedFailure(context: FailureContext): ProviderFailure {
  return providerFailure('network', redactSecrets(`Lost the connection to ${context.label} at ${context.baseUrl}: it closed before the answer finished.`));
}

function statusFailure(status: number, detail: string | null, headers: HeaderSource | null, context: FailureContext): ProviderFailure {
  const { label } = context;
  const suffix = detail ? `: ${detail}` : '';
  if (status === 401 && context.kind === 'ollama') {
    // Ollama itself takes no key; a proxy in front of it does.
    return providerFailure('auth', `Ollama at ${hostOf(context.baseUrl)} refused the request (401)${suffix}. Is a proxy in front of it asking for credentials?`, status);
  }
  if (status === 401) {
    const where = context.keyVariable ? `${context.keyVariable} or the key in Settings` : `the key for ${label} in Settings`;
    // The server's own text is left out: OpenAI's quotes part of the key.
    return providerFailure('auth', `${label} rejected the API key (401). Check ${where}.`, status);
  }
  if (status === 403) return providerFailure('auth', `${label} refused access (403)${suffix}. Check that the API key may use this model.`, status);
  if (status === 404) {
    if (context.model === undefined) {
      return providerFailure('not_found', `${label} has nothing at ${context.baseUrl} (404). Check the address in Settings.`, status);
    }
    const message =
      context.kind === 'ollama'
        ? `Unknown model "${context.model}" at ${label} — pull it with \`ollama pull ${context.model}\``
        : `Unknown model "${context.model}" at ${label} (404)${suffix}`;
    return providerFailure('not_found', message, status);
  }
  const retryAfterMs = parseRetryAfter(headers);
  if (status === 429) {
    const wait = retryAfterMs === null ? '' : `; it asks to wait ${formatSeconds(retryAfterMs)}`;
    return providerFailure('rate_limit', `${label} is limiting the request rate (429)${wait}${suffix}`, status, retryAfterMs);
  }
  if (status === 408) return providerFailure('timeout', `${label} gave up waiting for the request (408)${suffix}`, status, retryAfterMs);
  if (status >= 500) return providerFailure('server', `${label} had a server error (${status})${suffix}`, status, retryAfterMs);
  return providerFailure('bad_request', `${label} refused the request (${status})${suffix}`, status, retryAfterMs);
}

/** Milliseconds to wait from `retry-after-ms`, or `Retry-After` as seconds or an HTTP date. */
export function parseRetryAfter(headers: HeaderSource | null | undefined, now: number = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.round(value);
  }
  const after = headers.get('retry-after')?.trim();
  if (!after) return null;
  if (/^\d+(\.\d+)?$/.test(after)) return Math.round(Number(after) * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (is the network up?)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
};
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);

function networkFailure(chain: ErrorLike[], context: FailureContext): ProviderFailure | null {
  for (const entry of chain) {
    const code = entry.code;
    if (code === 'ECONNREFUSED' && context.kind === 'ollama') {
      return providerFailure('network', `Ollama is not running at ${hostOf(context.baseUrl)} — start it with \`ollama serve\``);
    }
    if (code && UNREACHABLE[code]) return providerFailure('network', `Could not reach ${context.label} at ${context.baseUrl}: ${UNREACHABLE[code]}`);
    if (code && DROPPED.has(code)) return droppedFailure(context);
  }
  // undici: "terminated" when the body stream breaks, "fetch failed" when the request never got out.
  if (chain.some((entry) => entry.message === 'terminated')) return droppedFailure(context);
  if (chain.some((entry) => entry.message === 'fetch failed' || entry.name === 'APIConnectionError')) {
    const reason = chain.map((entry) => entry.code ?? '').find(Boolean) ?? chain[chain.length - 1]?.message ?? 'connection failed';
    return providerFailure('network', `Could not reach ${context.label} at ${context.baseUrl}: ${reason}`);
  }
  return null;
}

interface ErrorLike {
  /** The error's name, or its class's when the SDK left the name as 'Error' (APIUserAbortError…). */
  name?: string;
  message?: string;
  code?: string;
}

function causeChain(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && chain.length < 6) {
    const entry = current as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    const name = typeof entry.name === 'string' && entry.name !== 'Error' ? entry.name : current.constructor?.name;
    chain.push({
      name,
      message: typeof entry.message === 'string' ? entry.message : undefined,
      code: typeof entry.code === 'string' ? entry.code : undefined,
    });
    current = entry.cause;
  }
  return chain;
}

function statusOf(error: unknown): number | null {
  if (error === null || typeof error !== 'object') return null;
  const candidate = error as { status?: unknown; status_code?: unknown };
  const status = typeof candidate.status === 'number' ? candidate.status : candidate.status_code;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : null;
}

function headerSource(error: unknown): HeaderSource | null {
  const headers = (error as { headers?: unknown }).headers;
  return headers !== null && typeof headers === 'object' && typeof (headers as HeaderSource).get === 'function' ? (headers as HeaderSource) : null;
}

/** The server's own explanation, without the status prefix the SDKs add; trimmed to stay readable. */
function detailOf(error: unknown, context: FailureContext): string | null {
  const candidate = error as { apiMessage?: unknown; error?: unknown; message?: unknown };
  let detail: string | null = null;
  if (typeof candidate.apiMessage === 'string') detail = candidate.apiMessage;
  else if (typeof candidate.error === 'string') detail = candidate.error;
  else if (isRecord(candidate.error) && typeof candidate.error.message === 'string') detail = candidate.error.message;
  else if (isRecord(candidate.error) && isRecord(candidate.error.error) && typeof candidate.error.error.message === 'string') {
    detail = candidate.error.error.message;
  } else if (typeof candidate.message === 'string') detail = candidate.message.replace(/^\d{3}\s*/, '');
  if (!detail || /^status code \(no body\)$/i.test(detail) || /^Error \d{3}:/.test(detail)) return null;
  const clean = redactSecrets(detail.replace(/\s+/g, ' ').trim(), context.apiKey);
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}

function firstMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return typeof error === 'string' ? error : 'unknown error';
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
