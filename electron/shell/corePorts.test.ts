import { describe, expect, it, vi } from 'vitest';
import { CORE_CONNECT_CHANNEL, type CorePortMessage } from './coreChannels';
import { CorePorts, type ConnectEvent, type PortReceiver, type SenderFrame } from './corePorts';

// corePorts.ts never imports Electron at runtime; the mock is a guard in case that ever changes.
vi.mock('electron', () => ({}));

const APP = 'app://workbench/index.html';
const isTrustedUrl = (url: string) => url.startsWith('app://workbench/');

interface FakePort {
  id: number;
}

function fakeWindow(url = APP) {
  const received: { message: CorePortMessage; ports: unknown[] }[] = [];
  let destroyed = false;
  let onDestroyed: (() => void) | undefined;
  const contents: PortReceiver & { url: string } = {
    url,
    postMessage: (_channel, message, transfer = []) => void received.push({ message, ports: transfer }),
    isDestroyed: () => destroyed,
    getURL: () => contents.url,
    once: (_event, listener) => (onDestroyed = listener),
  };
  const destroy = () => {
    destroyed = true;
    onDestroyed?.();
  };
  return { contents, received, destroy };
}

function setUp() {
  let connect: ((event: ConnectEvent) => void) | undefined;
  let next = 0;
  const ipcMain = {
    on: (channel: string, listener: (event: ConnectEvent) => void) => {
      if (channel === CORE_CONNECT_CHANNEL) connect = listener;
    },
    removeAllListeners: vi.fn((channel: string) => {
      if (channel === CORE_CONNECT_CHANNEL) connect = undefined;
    }),
  };
  const ports = new CorePorts<FakePort>({
    ipcMain,
    createChannel: () => ({ port1: { id: ++next }, port2: { id: ++next } }),
    isTrustedUrl,
  });
  const host = { given: [] as FakePort[], connect(port: FakePort) {
    this.given.push(port);
  } };
  const ask = (contents: PortReceiver, frame: SenderFrame | null = { url: APP, parent: null }) => connect?.({ sender: contents, senderFrame: frame });
  return { ports, host, ask, listening: () => connect !== undefined };
}

describe('CorePorts', () => {
  it("gives the app's top frame one end of a channel and the core the other", () => {
    const { ports, host, ask } = setUp();
    ports.hostReady(host);
    const window = fakeWindow();
    ask(window.contents);
    expect(host.given).toEqual([{ id: 1 }]);
    expect(window.received).toEqual([{ message: { kind: 'port' }, ports: [{ id: 2 }] }]);
  });

  it.each([
    ['a child frame', { url: APP, parent: {} }],
    ['another page', { url: 'https://example.com/', parent: null }],
    ['a frame that is gone', null],
  ])('refuses %s', (_label, frame) => {
    const { ports, host, ask } = setUp();
    ports.hostReady(host);
    const window = fakeWindow();
    ask(window.contents, frame);
    expect(host.given).toEqual([]);
    expect(window.received).toEqual([]);
  });

  it('holds a request made while the core starts, and answers it once the core is ready', () => {
    const { ports, host, ask } = setUp();
    const window = fakeWindow();
    ask(window.contents);
    expect(window.received).toEqual([]);
    ports.hostReady(host);
    expect(window.received.map((entry) => entry.message)).toEqual([{ kind: 'port' }]);
  });

  it('passes the status on, and after a restart gives every open window a port to the new core', () => {
    const { ports, host, ask } = setUp();
    ports.hostReady(host);
    const open = fakeWindow();
    const closed = fakeWindow();
    ask(open.contents);
    ask(closed.contents);
    closed.destroy();
    const restarting = { state: 'restarting' as const, message: 'It stopped.' };
    ports.status(restarting);
    const restarted = { ...host, given: [] as FakePort[] };
    ports.hostReady(restarted);
    ports.status({ state: 'restarted', message: 'It is back.' });
    expect(open.received.map((entry) => entry.message)).toEqual([
      { kind: 'port' },
      { kind: 'status', status: restarting },
      { kind: 'port' },
      { kind: 'status', status: { state: 'restarted', message: 'It is back.' } },
    ]);
    expect(restarted.given).toHaveLength(1);
    expect(closed.received).toHaveLength(1);
  });

  it('gives no new port to a window that left the app', () => {
    const { ports, host, ask } = setUp();
    ports.hostReady(host);
    const window = fakeWindow();
    ask(window.contents);
    window.contents.url = 'https://example.com/';
    ports.hostReady(host);
    expect(host.given).toHaveLength(1);
  });

  it('stops taking requests when disposed', () => {
    const { ports, listening } = setUp();
    expect(listening()).toBe(true);
    ports.dispose();
    expect(listening()).toBe(false);
  });
});
