// The browser-mode client, driven with an injected fetch and WebSocket so no DOM or server is needed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { methodNames } from '../../shared/contract';
import { WorkbenchError } from '../../shared/errors';
import { defaultSettings } from '../../shared/settings';
import { LOST_CONTACT_MESSAGE } from './httpCall';
import { createHttpTransport, eventsUrl, type HttpTransport } from './httpClient';
import type { SocketLike } from './reconnectingSocket';

class FakeSocket implements SocketLike {
  static instances: FakeSocket[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;
  closed = false;

  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  close(): void {
    this.closed = true;
  }
  // The DOM handlers expect `this` to be a WebSocket; the client never uses `this`.
  open(): void {
    this.onopen?.call(this as unknown as WebSocket, {} as Event);
  }
  send(frame: unknown): void {
    const data = typeof frame === 'string' ? frame : JSON.stringify(frame);
    this.onmessage?.call(this as unknown as WebSocket, { data } as MessageEvent);
  }
  drop(): void {
    this.onclose?.call(this as unknown as WebSocket, {} as CloseEvent);
  }
  static last(): FakeSocket {
    const socket = FakeSocket.instances.at(-1);
    if (!socket) throw new Error('no socket was opened');
    return socket;
  }
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

let transport: HttpTransport | undefined;

function setup(fetchImpl: typeof fetch): HttpTransport {
  transport = createHttpTransport({
    baseUrl: 'http://127.0.0.1:4799/?token=abc#/prompts/x',
    fetch: fetchImpl,
    WebSocket: FakeSocket,
    reconnectDelays: [100, 200],
  });
  return transport;
}

beforeEach(() => {
  FakeSocket.instances = [];
});
afterEach(() => {
  transport?.close();
  transport = undefined;
  vi.useRealTimers();
});

describe('HTTP client methods', () => {
  it('has exactly the contract methods, plus on()', () => {
    const { client } = setup(vi.fn<typeof fetch>());
    const keys = Object.keys(client).filter((key) => key !== 'on');
    expect(keys.sort()).toEqual(methodNames(api).sort());
    expect(typeof client.on).toBe('function');
  });

  it('POSTs JSON input to the method route with the session cookie', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => jsonResponse({ ok: true, data: { theme: 'dark' } }));
    const { client } = setup(fetchImpl);
    await client.setSetting({ key: 'theme', value: 'dark' });
    expect(fetchImpl).toHaveBeenCalledWith('/api/setSetting', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ key: 'theme', value: 'dark' }),
      credentials: 'same-origin',
    });
  });

  it('unwraps an ok envelope and parses data with the output schema', async () => {
    // Every setting has a default in the Settings schema, so an empty object comes back filled in.
    const { client } = setup(async () => jsonResponse({ ok: true, data: {} }));
    await expect(client.getSettings({})).resolves.toEqual(defaultSettings);
  });

  it('throws a WorkbenchError with the code and message of an error envelope', async () => {
    const error = { code: 'NOT_FOUND', message: 'There is no prompt named "nope".' };
    const { client } = setup(async () => jsonResponse({ ok: false, error }, 404));
    const thrown = await client.getPrompt({ name: 'nope' }).catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(WorkbenchError);
    expect(thrown).toMatchObject(error);
  });

  it('keeps the message of an error with a code this build does not know', async () => {
    const { client } = setup(async () => jsonResponse({ ok: false, error: { code: 'NEW_CODE', message: 'Try later.' } }, 503));
    await expect(client.listPrompts({})).rejects.toMatchObject({ code: 'INTERNAL', message: 'Try later.' });
  });

  it('reports data that breaks the contract instead of passing it on', async () => {
    const { client } = setup(async () => jsonResponse({ ok: true, data: [{ name: 42 }] }));
    await expect(client.listPrompts({})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/does not match the contract/) });
  });

  it('gives a clear message when the answer is not JSON', async () => {
    const { client } = setup(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(client.listPrompts({})).rejects.toMatchObject({ code: 'UNAVAILABLE', message: LOST_CONTACT_MESSAGE });
  });

  it('gives the same message when the server cannot be reached at all', async () => {
    const { client } = setup(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(client.getWorkspace({})).rejects.toThrow(LOST_CONTACT_MESSAGE);
  });

  it('treats JSON that is not an envelope as not our server', async () => {
    const { client } = setup(async () => jsonResponse({ message: 'proxy error' }, 500));
    await expect(client.getWorkspace({})).rejects.toThrow(LOST_CONTACT_MESSAGE);
  });
});

describe('HTTP client events', () => {
  it('connects to the events route with the ws: scheme', () => {
    expect(eventsUrl('http://127.0.0.1:4799/index.html?token=abc#/x')).toBe('ws://127.0.0.1:4799/events');
    expect(eventsUrl('https://box.example/')).toBe('wss://box.example/events');
  });

  it('delivers each event to its own listeners only, parsed by the contract', () => {
    const { client } = setup(vi.fn<typeof fetch>());
    const prompts = vi.fn();
    const settings = vi.fn();
    client.on('promptsChanged', prompts);
    client.on('settingsChanged', settings);
    expect(FakeSocket.instances).toHaveLength(1);
    const socket = FakeSocket.last();
    expect(socket.url).toBe('ws://127.0.0.1:4799/events');
    socket.open();
    socket.send({ event: 'promptsChanged', payload: { names: ['ticket-triage'] } });
    expect(prompts).toHaveBeenCalledWith({ names: ['ticket-triage'] });
    expect(settings).not.toHaveBeenCalled();
    socket.send({ event: 'settingsChanged', payload: {} });
    expect(settings).toHaveBeenCalledWith(defaultSettings);
  });

  it('stops delivering after unsubscribe', () => {
    const { client } = setup(vi.fn<typeof fetch>());
    const listener = vi.fn();
    const unsubscribe = client.on('promptsChanged', listener);
    const socket = FakeSocket.last();
    socket.open();
    unsubscribe();
    socket.send({ event: 'promptsChanged', payload: { names: ['a'] } });
    expect(listener).not.toHaveBeenCalled();
  });

  it('ignores malformed frames and payloads that break the contract', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client } = setup(vi.fn<typeof fetch>());
    const listener = vi.fn();
    client.on('promptsChanged', listener);
    const socket = FakeSocket.last();
    socket.send('not json');
    socket.send({ event: 'promptsChanged', payload: { names: 'oops' } });
    socket.send({ event: 'someFutureEvent', payload: {} });
    expect(listener).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('reconnects with backoff, reports its state, and announces the reconnect', () => {
    vi.useFakeTimers();
    const { client, connection } = setup(vi.fn<typeof fetch>());
    const states: string[] = [];
    connection.subscribe(() => states.push(connection.getState()));
    const reconnected = vi.fn();
    connection.onReconnect(reconnected);
    client.on('promptsChanged', () => undefined);
    expect(FakeSocket.instances).toHaveLength(1);

    FakeSocket.last().open();
    expect(connection.getState()).toBe('connected');
    expect(reconnected).not.toHaveBeenCalled();

    FakeSocket.last().drop();
    expect(connection.getState()).toBe('reconnecting');
    vi.advanceTimersByTime(99);
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(2);

    FakeSocket.last().drop(); // still down: the next wait is longer
    vi.advanceTimersByTime(199);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(3);

    FakeSocket.last().open();
    expect(connection.getState()).toBe('connected');
    expect(reconnected).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('stops reconnecting once closed', () => {
    vi.useFakeTimers();
    const { client, close } = setup(vi.fn<typeof fetch>());
    client.on('promptsChanged', () => undefined);
    const socket = FakeSocket.last();
    socket.open();
    close();
    expect(socket.closed).toBe(true);
    socket.drop();
    vi.advanceTimersByTime(10_000);
    expect(FakeSocket.instances).toHaveLength(1);
  });
});
