import { describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { eventNames, methodNames } from '../../shared/contract';
import { WorkbenchError } from '../../shared/errors';
import { createWorkbenchBridge, type BridgeTransport } from './bridgeClient';

vi.mock('electron', () => ({}));

function fakeTransport(reply: unknown = { ok: true, data: null }) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const unsubscribe = vi.fn();
  const transport = {
    invoke: vi.fn<BridgeTransport['invoke']>(async () => reply),
    subscribe: vi.fn<BridgeTransport['subscribe']>((event, listener) => {
      listeners.set(event, listener);
      return unsubscribe;
    }),
  };
  return { transport, listeners, unsubscribe };
}

describe('createWorkbenchBridge', () => {
  it('has exactly the contract methods plus on, all functions, and is frozen', () => {
    const bridge = createWorkbenchBridge(fakeTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual([...methodNames(api), 'on'].sort());
    for (const key of Object.keys(bridge)) expect(typeof (bridge as unknown as Record<string, unknown>)[key]).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes the method by name and passes the envelope through, errors included', async () => {
    const error = { ok: false, error: { code: 'NOT_FOUND', message: 'There is no prompt named "x".' } };
    const { transport } = fakeTransport(error);
    const bridge = createWorkbenchBridge(transport);
    // Resolves (never rejects) so the code survives contextBridge; the renderer unwraps it.
    await expect(bridge.getPrompt({ name: 'x' })).resolves.toEqual(error);
    expect(transport.invoke).toHaveBeenCalledWith('getPrompt', { name: 'x' });
  });

  it('turns a failed transport into an UNAVAILABLE envelope', async () => {
    const { transport } = fakeTransport();
    transport.invoke.mockRejectedValueOnce(new Error('The port is closed'));
    const bridge = createWorkbenchBridge(transport);
    await expect(bridge.listPrompts({})).resolves.toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringContaining('The port is closed') },
    });
  });

  it('subscribes to contract events and hands the listener only the payload', () => {
    const { transport, listeners, unsubscribe } = fakeTransport();
    const bridge = createWorkbenchBridge(transport);
    const listener = vi.fn();
    const off = bridge.on('promptsChanged', listener);
    listeners.get('promptsChanged')?.({ names: ['a'] });
    expect(listener).toHaveBeenCalledWith({ names: ['a'] });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    expect(unsubscribe).toHaveBeenCalledOnce();
    expect(eventNames(api)).toContain('promptsChanged');
  });

  it('refuses event names outside the contract', () => {
    const { transport } = fakeTransport();
    const bridge = createWorkbenchBridge(transport);
    expect(() => bridge.on('workbench:call:listPrompts', () => {})).toThrow(/no event named/);
    expect(() => bridge.on('toString', () => {})).toThrow(WorkbenchError);
    expect(transport.subscribe).not.toHaveBeenCalled();
  });
});
