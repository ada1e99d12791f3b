import { APIConnectionError as AnthropicConnectionError, APIError as AnthropicAPIError } from '@anthropic-ai/sdk';
import { APIError as OpenAIAPIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { ProviderFailureError } from './provider';
import { parseRetryAfter, toProviderFailure, type FailureContext } from './providerFailure';
import { redactSecrets as redact } from './secretRedaction';
import { UnsupportedContentError } from './providerMessages';

const KEY = 'sk-proj-abcdefghijklmnop1234';
const openai: FailureContext = { label: 'OpenAI', kind: 'openai', baseUrl: 'https://api.openai.com/v1', keyVariable: 'OPENAI_API_KEY', apiKey: KEY, model: 'gpt-4o-mini' };
const anthropic: FailureContext = { label: 'Anthropic', kind: 'anthropic', baseUrl: 'https://api.anthropic.com', keyVariable: 'ANTHROPIC_API_KEY', model: 'claude-x' };
const ollama: FailureContext = { label: 'Ollama', kind: 'ollama', baseUrl: 'http://127.0.0.1:11434', model: 'llama3.2' };
const lmstudio: FailureContext = { label: 'lmstudio', kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:1234/v1', model: 'qwen' };

function openaiError(status: number, message: string, headers: Record<string, string> = {}) {
  return OpenAIAPIError.generate(status, { error: { message, type: 'x' } }, undefined, new Headers(headers));
}

/** undici's shape: TypeError("fetch failed") caused by a system error with a code. */
function fetchFailed(code: string) {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code }) });
}

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads retry-after-ms, then Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500);
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:07 GMT' }), now)).toBe(7000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Tue, 31 Dec 2024 23:00:00 GMT' }), now)).toBe(0);
  });
  it('is null when absent or unreadable', () => {
    expect(parseRetryAfter(new Headers(), now)).toBeNull();
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('toProviderFailure: HTTP statuses', () => {
  it('401 names the variable and the Settings key, never the key or the server text quoting it', () => {
    const failure = toProviderFailure(openaiError(401, `Incorrect API key provided: ${KEY}`), openai);
    expect(failure).toEqual({
      kind: 'auth',
      status: 401,
      retryAfterMs: null,
      message: 'OpenAI rejected the API key (401). Check OPENAI_API_KEY or the key in Settings.',
    });
    expect(toProviderFailure(openaiError(401, 'no'), lmstudio).message).toBe('lmstudio rejected the API key (401). Check the key for lmstudio in Settings.');
  });

  it('a 401 from Ollama points at a proxy, since Ollama takes no key', () => {
    const error = Object.assign(new Error('unauthorized'), { error: 'unauthorized', status_code: 401 });
    expect(toProviderFailure(error, ollama)).toMatchObject({ kind: 'auth', status: 401, message: expect.stringContaining('Ollama at 127.0.0.1:11434 refused the request (401)') });
  });

  it('403 is auth too', () => {
    expect(toProviderFailure(openaiError(403, 'Project does not have access'), openai)).toMatchObject({ kind: 'auth', status: 403 });
  });

  it('429 carries Retry-After', () => {
    const failure = toProviderFailure(openaiError(429, 'Rate limit reached', { 'retry-after': '2' }), openai);
    expect(failure).toMatchObject({ kind: 'rate_limit', status: 429, retryAfterMs: 2000 });
    expect(failure.message).toContain('OpenAI is limiting the request rate (429)');
    expect(failure.message).toContain('Rate limit reached');
  });

  it('5xx is server, with retry-after-ms when sent', () => {
    const error = AnthropicAPIError.generate(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, undefined, new Headers({ 'retry-after-ms': '250' }));
    expect(toProviderFailure(error, anthropic)).toEqual({ kind: 'server', status: 529, retryAfterMs: 250, message: 'Anthropic had a server error (529): Overloaded' });
    expect(toProviderFailure(openaiError(500, 'boom'), openai)).toMatchObject({ kind: 'server', status: 500, retryAfterMs: null });
  });

  it('400 and 422 are bad requests with the server explanation', () => {
    const failure = toProviderFailure(openaiError(400, "Unsupported parameter: 'seed'"), lmstudio);
    expect(failure).toMatchObject({ kind: 'bad_request', status: 400 });
    expect(failure.message).toBe("lmstudio refused the request (400): Unsupported parameter: 'seed'");
    expect(toProviderFailure(openaiError(422, 'x'), openai).kind).toBe('bad_request');
  });

  it('404 names the model; for Ollama it says how to pull it', () => {
    expect(toProviderFailure(openaiError(404, 'The model does not exist'), openai).message).toBe('Unknown model "gpt-4o-mini" at OpenAI (404): The model does not exist');
    const ollamaError = Object.assign(new Error('model "llama3.2" not found, try pulling it first'), { name: 'ResponseError', error: 'model "llama3.2" not found, try pulling it first', status_code: 404 });
    expect(toProviderFailure(ollamaError, ollama)).toEqual({
      kind: 'not_found',
      status: 404,
      retryAfterMs: null,
      message: 'Unknown model "llama3.2" at Ollama — pull it with `ollama pull llama3.2`',
    });
    // Discovery has no model: a 404 means the address is wrong.
    expect(toProviderFailure(openaiError(404, 'Not Found'), { ...lmstudio, model: undefined }).message).toContain('has nothing at http://127.0.0.1:1234/v1');
  });

  it('takes Retry-After from the response when the error does not carry headers (Ollama)', () => {
    const error = Object.assign(new Error('busy'), { error: 'server busy', status_code: 503 });
    expect(toProviderFailure(error, ollama, undefined, new Headers({ 'retry-after': '4' }))).toMatchObject({ kind: 'server', retryAfterMs: 4000 });
  });

  it('never repeats the key, even when a server echoes it', () => {
    const failure = toProviderFailure(openaiError(500, `key ${KEY} exploded`), openai);
    expect(failure.message).not.toContain(KEY);
    expect(failure.message).not.toContain('abcdefghijklmnop');
    expect(redact('a sk-ant-api03-AAAAAAAAAA b')).toBe('a [key] b');
  });
});

describe('toProviderFailure: connections, bodies and aborts', () => {
  it('a refused Ollama connection says to start it', () => {
    expect(toProviderFailure(fetchFailed('ECONNREFUSED'), ollama).message).toBe('Ollama is not running at 127.0.0.1:11434 — start it with `ollama serve`');
  });

  it('a refused or unknown host elsewhere says where it tried', () => {
    const error = new AnthropicConnectionError({ message: 'Connection error.', cause: fetchFailed('ECONNREFUSED') });
    expect(toProviderFailure(error, anthropic)).toEqual({ kind: 'network', status: null, retryAfterMs: null, message: 'Could not reach Anthropic at https://api.anthropic.com: connection refused' });
    expect(toProviderFailure(fetchFailed('ENOTFOUND'), openai).message).toBe('Could not reach OpenAI at https://api.openai.com/v1: host not found');
  });

  it('a connection dropped mid-stream is network', () => {
    const terminated = new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    const failure = toProviderFailure(terminated, openai);
    expect(failure.kind).toBe('network');
    expect(failure.message).toContain('closed before the answer finished');
  });

  it('an unreadable body is malformed', () => {
    expect(toProviderFailure(new SyntaxError('Unexpected token < in JSON'), openai).kind).toBe('malformed');
    expect(toProviderFailure(new Error('Did not receive done or success response in stream.'), ollama).kind).toBe('malformed');
  });

  it('an error event inside a stream is a server failure', () => {
    expect(toProviderFailure(new Error('model runner has unexpectedly stopped'), ollama)).toMatchObject({ kind: 'server' });
  });

  it('aborts are cancelled, however the SDK reports them', () => {
    expect(toProviderFailure(new APIUserAbortError(), openai).kind).toBe('cancelled');
    expect(toProviderFailure(new DOMException('This operation was aborted', 'AbortError'), ollama).kind).toBe('cancelled');
    const controller = new AbortController();
    controller.abort();
    // After an abort the SDK may surface anything (here a dropped socket): the signal decides.
    expect(toProviderFailure(new TypeError('terminated'), openai, controller.signal)).toMatchObject({ kind: 'cancelled', status: null });
  });

  it('passes through failures already mapped, and names the provider for content it cannot take', () => {
    const failure = { kind: 'malformed' as const, message: 'm', status: null, retryAfterMs: null };
    expect(toProviderFailure(new ProviderFailureError(failure), openai)).toBe(failure);
    expect(toProviderFailure(new UnsupportedContentError('images must be PNG'), anthropic)).toMatchObject({ kind: 'bad_request', message: 'Anthropic cannot take this prompt: images must be PNG' });
  });
});
