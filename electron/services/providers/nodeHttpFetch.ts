// A `fetch` for the provider SDKs on node:http(s) with keep-alive connections. Node's built-in
// fetch spends most of a local call's time in its web-streams machinery: against a local server it
// manages about 1,300 calls/s here, this about 3,000, which a big sweep on a local model needs.
// The SDKs take a custom fetch by design; everything above the socket stays theirs.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

/** Answers read whole (JSON); anything else (SSE, NDJSON) is handed over as a stream. */
const BUFFERED_TYPES = /^application\/(?:problem\+)?json\b/i;

let shared: typeof fetch | null = null;

/** The process's one transport, so connections are reused across providers and rebuilt registries. */
export function sharedNodeHttpFetch(): typeof fetch {
  shared ??= createNodeHttpFetch();
  return shared;
}

export function createNodeHttpFetch(): typeof fetch {
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
  };
  const nodeFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const signal = init.signal ?? undefined;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fetch(input, init);
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<Response>((resolve, reject) => {
      const transport = url.protocol === 'https:' ? https : http;
      const request = transport.request(
        url,
        { method: init.method ?? 'GET', headers: plainHeaders(init.headers), agent: url.protocol === 'https:' ? agents.https : agents.http, signal },
        (response) => {
          const headers = responseHeaders(response.headers);
          const status = response.statusCode ?? 500;
          const contentType = headers.get('content-type') ?? '';
          if (status === 204 || status === 304 || init.method === 'HEAD') {
            response.resume();
            resolve(new Response(null, { status, headers }));
            return;
          }
          if (!BUFFERED_TYPES.test(contentType)) {
            resolve(new Response(Readable.toWeb(response) as ReadableStream<Uint8Array>, { status, headers }));
            return;
          }
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(new Response(Buffer.concat(chunks), { status, headers })));
          response.on('error', (error) => reject(fetchFailed(error, signal)));
          response.on('aborted', () => reject(fetchFailed(new Error('the connection closed before the answer was complete'), signal)));
        },
      );
      request.on('error', (error) => reject(fetchFailed(error, signal)));
      const body = init.body;
      if (body === undefined || body === null) request.end();
      else if (typeof body === 'string' || body instanceof Uint8Array) request.end(body);
      else if (body instanceof ArrayBuffer) request.end(Buffer.from(body));
      else {
        request.destroy();
        reject(new TypeError('nodeHttpFetch sends string or byte bodies only'));
      }
    });
  };
  return nodeFetch as typeof fetch;
}

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers) return Object.fromEntries(headers.entries());
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  return headers as Record<string, string>;
}

function responseHeaders(incoming: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error ? signal.reason : new DOMException('This operation was aborted', 'AbortError');
}

/** Errors look like the built-in fetch's, so the SDKs and providerFailure read them the same way. */
function fetchFailed(error: Error, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted || error.name === 'AbortError') return new DOMException('This operation was aborted', 'AbortError');
  return new TypeError('fetch failed', { cause: error });
}
