// The SDKs' transport: one pool whose connections are reused, streams handed over as they arrive,
// calls ended by their own signal, and failures shaped as fetch's (which providerFailure reads).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerFetch } from './providerFetch';

let server: http.Server;
let base: string;
let connections = 0;
/** Lets the /sse answer finish; set per request. */
let finishStream = () => {};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/json') {
        response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
        response.end(JSON.stringify({ method: request.method, auth: request.headers.authorization, body }));
      } else if (request.url === '/sse') {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write('data: one\n\n');
        finishStream = () => response.end('data: two\n\n');
      }
      // '/hang' never answers: only the caller's signal ends it.
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('providerFetch', () => {
  it('is one transport for the process', () => {
    expect(providerFetch()).toBe(providerFetch());
  });

  it('sends method, headers and body, and reads the answer with its status and headers', async () => {
    const response = await providerFetch()(`${base}/json`, { method: 'POST', headers: { authorization: 'Bearer k' }, body: '{"a":1}' });
    expect([response.status, response.ok]).toEqual([201, true]);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(await response.json()).toEqual({ method: 'POST', auth: 'Bearer k', body: '{"a":1}' });
  });

  it('reuses its connection for calls one after another', async () => {
    await (await providerFetch()(`${base}/json`)).text();
    const before = connections;
    for (let i = 0; i < 5; i++) await (await providerFetch()(`${base}/json`)).text();
    expect(connections).toBe(before);
  });

  it('hands a stream over chunk by chunk, before the server has finished it', async () => {
    const response = await providerFetch()(`${base}/sse`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe('data: one\n\n');
    finishStream();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(rest).toBe('data: two\n\n');
  });

  it('ends a call through its signal, whether it waits for the headers or for the body', async () => {
    const waiting = new AbortController();
    const pending = providerFetch()(`${base}/hang`, { signal: waiting.signal });
    setTimeout(() => waiting.abort(), 30);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    const reading = new AbortController();
    const response = await providerFetch()(`${base}/sse`, { signal: reading.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    reading.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
    finishStream();
  });

  it('fails as fetch does when nothing listens: TypeError "fetch failed" with the cause', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(providerFetch()(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });
});
