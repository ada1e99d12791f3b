import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUndiciFetch } from './undiciFetch';

let server: http.Server;
let base: string;
const fetchVia = createUndiciFetch();

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
        setTimeout(() => response.end('data: two\n\n'), 20);
      } else if (request.url === '/empty') {
        response.writeHead(204).end();
      } else if (request.url === '/hang') {
        // Never answers: only the caller's signal ends this request.
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('createUndiciFetch', () => {
  it('sends method, headers and body, and answers JSON as a readable-once Response', async () => {
    const response = await fetchVia(`${base}/json`, { method: 'POST', headers: { authorization: 'Bearer k' }, body: '{"a":1}' });
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.ok, response.url]).toEqual([201, true, `${base}/json`]);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    const copy = response.clone();
    expect(await response.json()).toEqual({ method: 'POST', auth: 'Bearer k', body: '{"a":1}' });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(/already been read/);
    expect(JSON.parse(await new Response(copy.body).text())).toMatchObject({ method: 'POST' });
  });

  it('hands a non-JSON answer over as a stream, chunk by chunk', async () => {
    const response = await fetchVia(`${base}/sse`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toBe('data: one\n\ndata: two\n\n');
  });

  it('answers 204 with no body', async () => {
    const response = await fetchVia(`${base}/empty`);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('fails like fetch: AbortError when the signal fires, TypeError "fetch failed" when nothing listens', async () => {
    const controller = new AbortController();
    const pending = fetchVia(`${base}/hang`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });

    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await expect(fetchVia(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });
});
