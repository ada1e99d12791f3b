import { describe, expect, it, vi } from 'vitest';
import { api } from '../shared/api';
import { eventNames, ipcChannel, methodNames } from '../shared/contract';
import { WorkbenchError } from '../shared/errors';
import { createWorkbenchClient, unwrapEnvelope, type BridgeTransport } from './bridgeClient';

vi.mock('electron', () => ({}));

function fakeTransport(reply: unknown = { ok: true, data: null }) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const unsubscribe = vi.fn();
  const transport = {
    invoke: vi.fn<BridgeTransport['invoke']>(async () => reply),
    subscribe: vi.fn<BridgeTransport['subscribe']>((channel, listener) => {
      listeners.set(channel, listener);
      return unsubscribe;
    }),
  };
  return { transport, listeners, unsubscribe };
}

describe('createWorkbenchClient', () => {
  it('has exactly the contract methods plus on', () => {
    const client = createWorkbenchClient(fakeTransport().transport);
    expect(Object.keys(client).sort()).toEqual([...methodNames(api), 'on'].sort());
    for (const key of Object.keys(client)) expect(typeof (client as unknown as Record<string, unknown>)[key]).toBe('function');
  });

  it('invokes the derived channel and returns the data', async () => {
    const summary = { name: 'summarize', description: '', model: 'ollama/x', dirty: false, caseCount: 0, problems: [] };
    const { transport } = fakeTransport({ ok: true, data: [summary] });
    const client = createWorkbenchClient(transport);
    await expect(client.listPrompts({})).resolves.toEqual([summary]);
    expect(transport.invoke).toHaveBeenCalledWith(ipcChannel.method('listPrompts'), {});
  });

  it('throws an Error with the message and code of an error envelope', async () => {
    const { transport } = fakeTransport({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no prompt named "x".' } });
    const client = createWorkbenchClient(transport);
    const error: unknown = await client.getPrompt({ name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'There is no prompt named "x".' });
  });

  it('subscribes to contract events and hands the listener only the payload', () => {
    const { transport, listeners, unsubscribe } = fakeTransport();
    const client = createWorkbenchClient(transport);
    const listener = vi.fn();
    const off = client.on('promptsChanged', listener);
    listeners.get(ipcChannel.event('promptsChanged'))?.({ names: ['a'] });
    expect(listener).toHaveBeenCalledWith({ names: ['a'] });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    expect(unsubscribe).toHaveBeenCalledOnce();
    expect(eventNames(api)).toContain('promptsChanged');
  });

  it('refuses event names outside the contract', () => {
    const { transport } = fakeTransport();
    const client = createWorkbenchClient(transport);
    const on = client.on as unknown as (event: string, listener: () => void) => () => void;
    expect(() => on('workbench:call:listPrompts', () => {})).toThrow(/no event named/);
    expect(() => on('toString', () => {})).toThrow(WorkbenchError);
    expect(transport.subscribe).not.toHaveBeenCalled();
  });
});

describe('unwrapEnvelope', () => {
  it.each([undefined, null, 'text', { ok: true }, { ok: false, error: { code: 'NOPE', message: 'x' } }])(
    'names a malformed reply %j as INTERNAL',
    (reply) => {
      expect(() => unwrapEnvelope(reply, 'listPrompts')).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    },
  );
});
