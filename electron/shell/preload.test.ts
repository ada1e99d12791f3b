import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { methodNames } from '../../shared/contract';
import { resultMessage, type CallMessage } from '../core/host/hostProtocol';
import { CORE_CONNECT_CHANNEL, CORE_PORT_CHANNEL } from './coreChannels';

const fake = vi.hoisted(() => {
  type Handler = (event: { ports: unknown[] }, message: unknown) => void;
  const handlers = new Map<string, Handler[]>();
  return {
    handlers,
    exposed: new Map<string, unknown>(),
    ipcRenderer: {
      send: vi.fn((_channel: string) => undefined),
      on: vi.fn((channel: string, handler: Handler) => {
        handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
      }),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer: fake.ipcRenderer,
}));

await import('./preload');

type Client = Record<string, (...args: unknown[]) => Promise<unknown>> & { on: (event: string, listener: (payload: unknown) => void) => () => void };
const client = () => fake.exposed.get('workbench') as Client;

/** What main does: sends the preload one end of a channel; the test plays the core on the other. */
function givePort(): MessagePort {
  const { port1, port2 } = new MessageChannel();
  for (const handler of fake.handlers.get(CORE_PORT_CHANNEL) ?? []) handler({ ports: [port1] }, { kind: 'port' });
  return port2;
}

function nextMessage(port: MessagePort): Promise<unknown> {
  return new Promise((resolve) => port.once('message', resolve));
}

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

describe('preload', () => {
  it('exposes exactly one object, window.workbench, with the contract methods and on', () => {
    expect([...fake.exposed.keys()]).toEqual(['workbench']);
    expect(Object.keys(client()).sort()).toEqual([...methodNames(api), 'on'].sort());
    expect(client()).not.toHaveProperty('invoke');
    expect(client()).not.toHaveProperty('ipcRenderer');
  });

  it('asks main for a port to the core, and a call made before it arrives goes over it once it does', async () => {
    expect(fake.ipcRenderer.send).toHaveBeenCalledWith(CORE_CONNECT_CHANNEL);
    const answer = client().getSettings?.({});
    const core = givePort();
    opened.push(core);
    const call = (await nextMessage(core)) as CallMessage;
    expect(call).toMatchObject({ kind: 'call', method: 'getSettings', input: {} });
    core.postMessage(resultMessage(call.id, { ok: true, data: { theme: 'dark' } }));
    await expect(answer).resolves.toEqual({ ok: true, data: { theme: 'dark' } });
  });

  it('passes only the payload of a contract event to its listeners', async () => {
    const core = givePort();
    opened.push(core);
    const listener = vi.fn();
    const off = client().on('settingsChanged', listener);
    expect(await nextMessage(core)).toEqual({ kind: 'subscribe' });
    core.postMessage({ kind: 'event', event: 'promptsChanged', payload: { names: ['a'] } });
    core.postMessage({ kind: 'event', event: 'settingsChanged', payload: { theme: 'light' } });
    await vi.waitFor(() => expect(listener).toHaveBeenCalled());
    expect(listener.mock.calls).toEqual([[{ theme: 'light' }]]);
    off();
  });

  it('answers a call in flight when the core restarts with UNAVAILABLE saying so, and tells listeners', async () => {
    const core = givePort();
    opened.push(core);
    const status = vi.fn();
    client().on('coreStatus', status);
    const answer = client().listRuns?.({});
    await nextMessage(core);
    const restarting = { state: 'restarting', message: 'The core process stopped unexpectedly (ended by SIGKILL) and is being started again.' };
    for (const handler of fake.handlers.get(CORE_PORT_CHANNEL) ?? []) handler({ ports: [] }, { kind: 'status', status: restarting });
    await expect(answer).resolves.toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/stopped unexpectedly .*had not answered this request/) } });
    expect(status).toHaveBeenCalledWith(restarting);
  });
});
