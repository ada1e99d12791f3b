import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { method, type Contract } from './contract';
import { createEnvelopeClient, type EnvelopeTransport } from './envelopeClient';
import { WorkbenchError } from './errors';

const contract = {
  methods: { greet: method(z.object({ name: z.string() }), z.object({ text: z.string() })) },
  events: { ping: z.object({ n: z.number() }) },
} satisfies Contract;

function clientWith(reply: unknown) {
  const subscribers = new Map<string, (payload: unknown) => void>();
  const transport: EnvelopeTransport = {
    call: vi.fn(async () => reply),
    subscribe: vi.fn((event, listener) => {
      subscribers.set(event, listener);
      return () => subscribers.delete(event);
    }),
  };
  return { client: createEnvelopeClient(contract, transport), transport, subscribers };
}

describe('createEnvelopeClient', () => {
  it('has one function per method plus on', () => {
    expect(Object.keys(clientWith(null).client).sort()).toEqual(['greet', 'on']);
  });

  it('returns the data of an ok envelope, parsed by the output schema', async () => {
    const { client, transport } = clientWith({ ok: true, data: { text: 'hi Ada' } });
    await expect(client.greet({ name: 'Ada' })).resolves.toEqual({ text: 'hi Ada' });
    expect(transport.call).toHaveBeenCalledWith('greet', { name: 'Ada' });
  });

  it('throws a WorkbenchError carrying code and message from an error envelope', async () => {
    const { client } = clientWith({ ok: false, error: { code: 'NOT_FOUND', message: 'No such person.' } });
    const error: unknown = await client.greet({ name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'No such person.' });
  });

  it('keeps the message of an error with a code this build does not know', async () => {
    const { client } = clientWith({ ok: false, error: { code: 'FROM_THE_FUTURE', message: 'Update the app.' } });
    await expect(client.greet({ name: 'x' })).rejects.toMatchObject({ code: 'INTERNAL', message: 'Update the app.' });
  });

  it.each([undefined, null, 'text', { ok: true }, { ok: 'yes' }])('names an unreadable reply %j as UNAVAILABLE', async (reply) => {
    await expect(clientWith(reply).client.greet({ name: 'x' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('refuses data that breaks the contract', async () => {
    await expect(clientWith({ ok: true, data: { text: 5 } }).client.greet({ name: 'x' })).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('delivers valid event payloads, drops invalid ones, and unsubscribes', () => {
    const { client, subscribers } = clientWith(null);
    const listener = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const off = client.on('ping', listener);
    subscribers.get('ping')?.({ n: 1 });
    subscribers.get('ping')?.({ n: 'one' });
    expect(listener.mock.calls).toEqual([[{ n: 1 }]]);
    expect(warn).toHaveBeenCalledOnce();
    off();
    expect(subscribers.has('ping')).toBe(false);
    warn.mockRestore();
  });

  it('refuses event names outside the contract', () => {
    const on = clientWith(null).client.on as unknown as (event: string, listener: () => void) => () => void;
    expect(() => on('toString', () => {})).toThrow(/no event named "toString"/);
  });
});
