// A fake model provider on plain node:http, speaking one wire format (see openaiWire.ts,
// anthropicWire.ts, ollamaWire.ts) so the official SDKs can be pointed at it. Tests queue faults
// (faults.ts) and read back what arrived; the benchmark pushes thousands of requests per second
// through it, so the normal path has no timers, no copies and (with `record: false`) no recording.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ANTHROPIC_DEFAULT_MODELS, createAnthropicWire } from './anthropicWire';
import { OLLAMA_EMBEDDING_MODELS, OPENAI_EMBEDDING_MODELS } from './embeddings';
import { FaultQueue, retryHeaders, type Fault, type FaultRule } from './faults';
import { OLLAMA_DEFAULT_MODELS, createOllamaWire } from './ollamaWire';
import { OPENAI_DEFAULT_MODELS, createOpenAiWire } from './openaiWire';
import { isRecord, jsonReply, requestTexts, type FakeKind, type Reply, type StreamReply, type Wire, type WireContext } from './wire';

export type { Fault, FaultRule, FaultStatus } from './faults';
export type { FakeKind } from './wire';
export { requestTexts } from './wire';

/**
 * Chooses the whole text of a completion's answer from what was asked, or leaves it to the wire
 * (undefined). How a test plays a model whose answer depends on the request: a judge asked about
 * an output (its system prompt carries the judge's marker) answers a scripted verdict. Faults that
 * set the text themselves (`reply`, `steady` with text) win over it.
 */
export type ReplyScript = (request: { model: string; system: string; user: string }) => string | undefined;

export interface FakeProviderOptions {
  kind: FakeKind;
  /** Port to listen on (127.0.0.1); default 0, a free port. */
  port?: number;
  /** Added to every response, ms (default 0). */
  latencyMs?: number;
  /** When set, requests must carry this key (Authorization: Bearer for openai; x-api-key for anthropic; ollama ignores) else 401. */
  apiKey?: string;
  /** Models listed by discovery and accepted by completions; default a sensible set per kind. */
  models?: string[];
  /** Models the embeddings endpoint accepts (openai, ollama); default OPENAI_/OLLAMA_EMBEDDING_MODELS. Not listed by discovery. */
  embeddingModels?: string[];
  /** Record every request in `requests` (default true); the benchmark turns it off. */
  record?: boolean;
  /** Scripted answers by request content (see ReplyScript); also settable later with `script()`. */
  script?: ReplyScript;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when possible, else the raw text; undefined for an empty body. */
  body: unknown;
  at: number;
}

export interface FakeProvider {
  kind: FakeKind;
  /** Base URL the SDK expects: openai `http://127.0.0.1:PORT/v1`, anthropic and ollama `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  /** Every request in arrival order (empty with `record: false`). */
  requests: RecordedRequest[];
  /** Queue faults; consumed in order by matching requests to the completion and embeddings endpoints only. */
  inject(...rules: FaultRule[]): void;
  clearFaults(): void;
  /** Sets (or with undefined removes) the ReplyScript that chooses answers by request content. */
  script(script: ReplyScript | undefined): void;
  /** Completion requests answered so far: ok, refused or faulted (counted once latencyMs has passed, before a fault acts). */
  readonly completions: number;
  /** Requests currently open (all endpoints). */
  readonly inFlight: number;
  /** Highest `inFlight` seen since start or the last resetStats(). */
  readonly maxInFlight: number;
  /** Zeroes `completions`, sets `maxInFlight` to the current `inFlight` and empties `requests`. */
  resetStats(): void;
  /** Closes the server and destroys every open socket (stalled ones included); idempotent. */
  close(): Promise<void>;
}

const DEFAULT_MODELS: Record<FakeKind, readonly string[]> = {
  openai: OPENAI_DEFAULT_MODELS,
  anthropic: ANTHROPIC_DEFAULT_MODELS,
  ollama: OLLAMA_DEFAULT_MODELS,
};

function createWire(kind: FakeKind, models: readonly string[], embeddingModels: readonly string[] | undefined): Wire {
  if (kind === 'openai') return createOpenAiWire(models, embeddingModels ?? OPENAI_EMBEDDING_MODELS);
  if (kind === 'anthropic') return createAnthropicWire(models);
  return createOllamaWire(models, embeddingModels ?? OLLAMA_EMBEDDING_MODELS);
}

function parseBody(chunks: Buffer[]): unknown {
  if (chunks.length === 0) return undefined;
  const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // the wire answers 400 in its own shape
  }
}

/** Destroys the socket once what was written so far has reached the kernel. */
function destroyAfterFlush(socket: Socket | null): void {
  if (!socket || socket.destroyed) return;
  socket.write('', () => socket.destroy());
}

/** Delivers a reply, or breaks it the way `fault` says. */
function send(res: ServerResponse, reply: Reply, fault: Fault | undefined): void {
  if (res.destroyed) return; // the client gave up while we waited
  const type = fault?.type;
  if (reply.kind === 'body') {
    if (type === 'stall') return; // never answer; the client's timeout or close() ends it
    if (type === 'malformed') {
      // A strict prefix of a JSON object is never valid JSON.
      const broken = reply.body.slice(0, Math.max(1, reply.body.length >> 1));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(broken) });
      res.end(broken);
      return;
    }
    const headers: Record<string, string | number> = { 'content-type': reply.contentType ?? 'application/json', 'content-length': Buffer.byteLength(reply.body) };
    if (reply.headers) Object.assign(headers, reply.headers);
    res.writeHead(reply.status, headers);
    if (type === 'drop') {
      res.flushHeaders(); // the status line and headers arrive, the promised body never does
      destroyAfterFlush(res.socket);
      return;
    }
    res.end(reply.body);
    return;
  }
  res.writeHead(200, { 'content-type': reply.contentType, 'cache-control': 'no-cache' });
  if (type === 'stall') {
    res.write(reply.first);
    return;
  }
  if (type === 'drop') {
    res.write(reply.first, () => res.socket?.destroy());
    return;
  }
  if (type === 'malformed') {
    res.write(reply.first);
    res.end(reply.malformedTail);
    return;
  }
  res.write(reply.first);
  res.end(reply.rest);
}

/** The stream an event (SSE) or a line (JSON lines) at a time, `intervalMs` apart: slow, but never silent for longer. */
async function sendSteadily(res: ServerResponse, reply: StreamReply, intervalMs: number, wait: (ms: number, res: ServerResponse) => Promise<boolean>): Promise<void> {
  res.writeHead(200, { 'content-type': reply.contentType, 'cache-control': 'no-cache' });
  res.flushHeaders();
  const events = `${reply.first}${reply.rest}`.split(reply.contentType.startsWith('text/event-stream') ? /(?<=\n\n)/ : /(?<=\n)/);
  for (const line of events) {
    if (!(await wait(intervalMs, res))) return;
    res.write(line);
  }
  res.end();
}

export async function startFakeProvider(options: FakeProviderOptions): Promise<FakeProvider> {
  const { kind, apiKey } = options;
  const wire = createWire(kind, options.models ?? DEFAULT_MODELS[kind], options.embeddingModels);
  const record = options.record !== false;
  const latencyMs = options.latencyMs ?? 0;
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  /** Cancels every pending delay (latency, slow faults) so close() leaves no timers behind. */
  const pendingWaits = new Set<() => void>();
  let counter = 0;
  let completions = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let closing: Promise<void> | undefined;
  const ctx: WireContext = { nextCounter: () => ++counter };
  let script = options.script;

  /** Resolves true after ms, or false as soon as the response closes or the server shuts down. */
  const wait = (ms: number, res: ServerResponse) =>
    new Promise<boolean>((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        pendingWaits.delete(cancel);
        res.off('close', cancel);
        resolve(ok);
      };
      const cancel = () => finish(false);
      const timer = setTimeout(finish, ms, true);
      pendingWaits.add(cancel);
      res.once('close', cancel);
    });

  async function handle(req: IncomingMessage, res: ServerResponse, chunks: Buffer[]): Promise<void> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    const body = parseBody(chunks);
    if (record) requests.push({ method, path, headers: req.headers, body, at: Date.now() });
    if (latencyMs > 0 && !(await wait(latencyMs, res))) return;

    const completion = wire.isCompletion(method, path);
    if (completion) completions++;
    const embeddings = method === 'POST' && wire.embeddings?.path === path ? wire.embeddings : undefined;
    const denied = wire.checkRequest(req.headers, apiKey);
    if (denied) return send(res, denied, undefined);
    if (!completion && !embeddings) return send(res, wire.other(method, path, body) ?? wire.error(404, `Invalid URL (${method} ${path})`), undefined);

    const fault = faults.take(isRecord(body) && typeof body.model === 'string' ? body.model : undefined);
    if (fault?.type === 'status') {
      const reply = wire.error(fault.status);
      reply.headers = { ...reply.headers, ...retryHeaders(fault, kind !== 'ollama') };
      return send(res, reply, undefined);
    }
    if (fault?.type === 'slow' && !(await wait(fault.delayMs, res))) return;
    if (fault?.type === 'reply') return send(res, wire.complete(path, body, { ...ctx, replyText: fault.text }), undefined);
    if (fault?.type === 'json') {
      const plain = fault.body === undefined ? wire.complete(path, isRecord(body) ? { ...body, stream: false } : body, ctx) : jsonReply(200, fault.body);
      return send(res, plain, undefined);
    }
    const scripted = script && !embeddings ? script(requestTexts(body)) : undefined;
    const chosen =
      fault?.type === 'steady' && fault.text !== undefined ? { ...ctx, replyText: fault.text } : scripted !== undefined ? { ...ctx, replyText: scripted } : ctx;
    const reply = embeddings ? embeddings.answer(body) : wire.complete(path, body, chosen);
    if (fault?.type === 'steady' && reply.kind === 'stream') return sendSteadily(res, reply, fault.intervalMs, wait);
    send(res, reply, fault);
  }

  const release = () => {
    inFlight--;
  };

  const server = http.createServer((req, res) => {
    inFlight++;
    if (inFlight > maxInFlight) maxInFlight = inFlight;
    res.once('close', release);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      handle(req, res, chunks).catch((error: unknown) => {
        if (res.headersSent) res.destroy();
        else send(res, wire.error(500, `fake provider failure: ${String(error)}`), undefined);
      });
    });
  });
  // Longer than the clients' idle timeouts, so the client (not us) closes idle keep-alive sockets
  // and never sends a request on a socket we are closing.
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;

  return {
    kind,
    url: kind === 'openai' ? `${origin}/v1` : origin,
    port,
    requests,
    inject: (...rules) => faults.push(rules),
    clearFaults: () => faults.clear(),
    script: (next) => {
      script = next;
    },
    get completions() {
      return completions;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    resetStats() {
      completions = 0;
      maxInFlight = inFlight;
      requests.length = 0;
    },
    close() {
      if (!closing) {
        faults.clear();
        for (const cancel of [...pendingWaits]) cancel();
        closing = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }
      return closing;
    },
  };
}
