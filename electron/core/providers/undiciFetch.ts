// A `fetch` for the provider SDKs on undici's connection pool (`undici.request`, the HTTP client
// Node's own fetch is built on, without fetch's web-streams layer). Against a local server the
// built-in fetch manages about 1,300 calls/s here and node:http about 1,900; this about 3,000,
// which a big sweep on a local model needs. The SDKs take a custom fetch by design; everything
// above the socket stays theirs.
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type { Agent as UndiciAgent, Dispatcher } from 'undici';
import { BufferedResponse } from './bufferedResponse';
import { receivedHeaders } from './receivedHeaders';

// Only the pool and `request`: undici's index also loads its fetch, WebSocket, cache and mock
// layers, about 9 MB of resident memory that a sampling process would carry for nothing.
const load = createRequire(import.meta.url);
const Agent = load('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;
const request = load('undici/lib/api/api-request.js') as (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>;

/** Answers read whole (JSON); anything else (SSE, NDJSON) is handed over as a stream. */
const BUFFERED_TYPES = /^application\/(?:problem\+)?json\b/i;
const NO_BODY_STATUSES = new Set([101, 204, 205, 304]);

let shared: typeof fetch | null = null;

/** The process's one transport, so connections are reused across providers and rebuilt registries. */
export function sharedUndiciFetch(): typeof fetch {
  shared ??= createUndiciFetch();
  return shared;
}

export function createUndiciFetch(): typeof fetch {
  // No undici timeouts: the runner's per-call timeout aborts through the signal, and a slow local
  // model may take minutes before its first byte.
  const agent = new Agent({ connections: 256, headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 10_000 });
  // A run sends thousands of calls to the same one or two URLs: each is parsed once.
  const targets = new Map<string, { origin: string; path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      if (targets.size >= 64) targets.clear();
      targets.set(url, target);
    }
    return target;
  };
  const undiciFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    if (!/^https?:/i.test(url)) return fetch(input, init);
    const signal = init.signal ?? undefined;
    if (signal?.aborted) throw abortError(signal);
    let answer: Dispatcher.ResponseData;
    try {
      const target = targetOf(url);
      answer = await request.call(agent, {
        origin: target.origin,
        path: target.path,
        method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
        headers: plainHeaders(init.headers),
        body: requestBody(init.body),
        signal,
      });
    } catch (error) {
      throw fetchFailed(error, signal);
    }
    const status = answer.statusCode;
    const headers = receivedHeaders(answer.headers);
    if (NO_BODY_STATUSES.has(status) || init.method === 'HEAD') {
      answer.body.resume();
      return BufferedResponse.of(null, status, headers, url);
    }
    if (!BUFFERED_TYPES.test(headers.get('content-type') ?? '')) {
      const response = new Response(Readable.toWeb(answer.body) as ReadableStream<Uint8Array>, { status });
      Object.defineProperties(response, { url: { value: url }, headers: { value: headers } });
      return response;
    }
    try {
      return BufferedResponse.of(Buffer.from(await answer.body.arrayBuffer()), status, headers, url);
    } catch (error) {
      throw fetchFailed(error, signal);
    }
  };
  return undiciFetch as typeof fetch;
}

function requestBody(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('the provider transport sends string or byte bodies only');
}

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  return headers as Record<string, string>;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

/** Errors look like the built-in fetch's, so the SDKs and providerFailure read them the same way. */
function fetchFailed(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return new DOMException('This operation was aborted', 'AbortError');
  return new TypeError('fetch failed', { cause: error });
}
