import { describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { ipcChannel, methodNames } from '../../shared/contract';

const fake = vi.hoisted(() => {
  type Handler = (event: unknown, payload: unknown) => void;
  const handlers = new Map<string, Set<Handler>>();
  return {
    handlers,
    exposed: new Map<string, unknown>(),
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, _input: unknown): Promise<unknown> => ({ ok: true, data: { theme: 'dark' } })),
      on: vi.fn((channel: string, handler: Handler) => {
        handlers.set(channel, (handlers.get(channel) ?? new Set()).add(handler));
      }),
      removeListener: vi.fn((channel: string, handler: Handler) => {
        handlers.get(channel)?.delete(handler);
      }),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value) },
  ipcRenderer: fake.ipcRenderer,
}));

await import('./preload');

type Client = Record<string, (...args: unknown[]) => unknown>;

describe('preload', () => {
  it('exposes exactly one object, window.workbench, with the contract methods and on', () => {
    expect([...fake.exposed.keys()]).toEqual(['workbench']);
    const client = fake.exposed.get('workbench') as Client;
    expect(Object.keys(client).sort()).toEqual([...methodNames(api), 'on'].sort());
    expect(client).not.toHaveProperty('invoke');
    expect(client).not.toHaveProperty('ipcRenderer');
  });

  it('calls ipcRenderer.invoke on the method channel', async () => {
    const client = fake.exposed.get('workbench') as Client;
    await expect(client.getSettings?.({})).resolves.toEqual({ ok: true, data: { theme: 'dark' } });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannel.method('getSettings'), {});
  });

  it('passes only the payload to listeners and unsubscribes the same handler', () => {
    const client = fake.exposed.get('workbench') as Client;
    const listener = vi.fn();
    const off = client.on?.('settingsChanged', listener) as () => void;
    const channel = ipcChannel.event('settingsChanged');
    for (const handler of fake.handlers.get(channel) ?? []) handler({ sender: 'ipcRenderer' }, { theme: 'light' });
    expect(listener.mock.calls).toEqual([[{ theme: 'light' }]]);
    off();
    expect(fake.handlers.get(channel)?.size).toBe(0);
  });
});
