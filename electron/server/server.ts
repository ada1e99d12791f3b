// Browser mode: the same contract over HTTP (POST per method) and WebSocket (events), on
// 127.0.0.1 only, behind a per-launch token and a Host/Origin check. The core answers through an
// endpoint: `serve` passes its core host process's (see core/host/), tests may pass one in-process.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { httpRoute } from '../../shared/contract';
import type { Envelope, ErrorCode, ErrorData } from '../../shared/errors';
import { contentSecurityPolicy } from '../../shared/csp';
import type { CoreEndpoint, EnvelopeText } from '../core/dispatch';
import { isAllowedHost, isAllowedOrigin, presentedToken, tokenCookie, tokensMatch } from './serverGuards';
import { cacheControlOf, contentTypeOf, resolveStaticFile } from './staticFiles';

export interface ServerOptions {
  core: CoreEndpoint;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningServer {
  readonly port: number;
  readonly token: string;
  /** The address to open, carrying the token. */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const HOST = '127.0.0.1';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const sockets = new WebSocketServer({ noServer: true });
  let port = 0;

  const server = http.createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      sendError(response, 500, { code: 'INTERNAL', message: `The server failed: ${String(error)}` });
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://${HOST}:${port}`);
    // API callers get error envelopes; a person in a browser gets a sentence.
    const deny = (status: number, code: ErrorCode, message: string) =>
      url.pathname.startsWith('/api/') ? sendError(response, status, { code, message }) : sendText(response, status, message);
    if (!isAllowedHost(request, port)) return deny(403, 'FORBIDDEN', 'Forbidden: this server only answers to 127.0.0.1 and localhost.');
    const presented = presentedToken(request, url, port);
    if (!presented || !tokensMatch(token, presented.token)) {
      return deny(401, 'UNAUTHORIZED', 'Unauthorized: open the address printed by `workbench serve`; it carries the access token.');
    }
    if (presented.source === 'query') response.setHeader('Set-Cookie', tokenCookie(port, token));
    if (url.pathname.startsWith('/api/')) return handleApi(request, response, url.pathname.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed.');
    return serveStatic(request, response, url.pathname);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (request.method !== 'POST') return sendError(response, 405, { code: 'BAD_INPUT', message: `Call ${httpRoute.method(name)} with POST.` });
    // A cross-site form or fetch cannot forge these: a foreign Origin is refused and JSON forces a preflight.
    if (!isAllowedOrigin(request.headers.origin, port, false)) return sendError(response, 403, { code: 'FORBIDDEN', message: 'Requests from other sites are refused.' });
    if (!request.headers['content-type']?.toLowerCase().startsWith('application/json')) {
      return sendError(response, 415, { code: 'BAD_INPUT', message: 'Send the input as JSON with Content-Type: application/json.' });
    }
    const body = await readBody(request);
    if (body === null) return sendError(response, 413, { code: 'BAD_INPUT', message: `The request body is larger than ${MAX_BODY_BYTES} bytes.` });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : (JSON.parse(body) as unknown);
    } catch {
      return sendError(response, 400, { code: 'BAD_INPUT', message: 'The request body is not valid JSON.' });
    }
    // A core in another process has written the answer as text already: it is sent on unread.
    const answer = options.core.callText ? await options.core.callText(name, input) : textOf(await options.core.call(name, input));
    if (answer.ok) return sendJsonText(response, 200, answer.json);
    // A refusal is small; its code picks the status.
    const { error } = JSON.parse(answer.json) as { error: ErrorData };
    return sendError(response, statusFor(error.code), error);
  }

  function serveStatic(request: IncomingMessage, response: ServerResponse, pathname: string): void {
    const file = resolveStaticFile(options.rendererDir, pathname);
    if (!file) {
      const built = fs.existsSync(options.rendererDir);
      return sendText(response, built ? 404 : 503, built ? 'Not found.' : 'The app has not been built yet. Run `npm run build:renderer`.');
    }
    const isHtml = file.endsWith('.html');
    response.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Cache-Control': cacheControlOf(pathname, isHtml),
      ...securityHeaders(port),
    });
    if (request.method === 'HEAD') return void response.end();
    fs.createReadStream(file).pipe(response);
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '/', `http://${HOST}:${port}`);
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!isAllowedHost(request, port) || !isAllowedOrigin(request.headers.origin, port, true)) return refuse(403, 'Forbidden');
    const presented = presentedToken(request, url, port);
    if (!presented || !tokensMatch(token, presented.token)) return refuse(401, 'Unauthorized');
    if (url.pathname !== httpRoute.events) return refuse(404, 'Not Found');
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  }

  server.on('upgrade', handleUpgrade);
  const unsubscribe = options.core.onAny((event, payload) => {
    const frame = JSON.stringify({ event, payload });
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    token,
    url: `http://${HOST}:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      for (const client of sockets.clients) (client as WebSocket).terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy({ connectSources: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function statusFor(code: ErrorCode): number {
  const statuses: Partial<Record<ErrorCode, number>> = { BAD_INPUT: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, INTERNAL: 500, UNAVAILABLE: 503, DB_BUSY: 503, CONFLICT: 409, ALREADY_EXISTS: 409 };
  // Other codes are understood requests that the workspace's state prevents (locked database, bad file).
  return statuses[code] ?? 422;
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function textOf(envelope: Envelope<unknown>): EnvelopeText {
  return { ok: envelope.ok, json: JSON.stringify(envelope) };
}

function sendJsonText(response: ServerResponse, status: number, json: string): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(json);
}

function sendError(response: ServerResponse, status: number, error: ErrorData): void {
  if (response.headersSent) return void response.end();
  sendJsonText(response, status, JSON.stringify({ ok: false, error }));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(`${text}\n`);
}
