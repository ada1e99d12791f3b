import { describe, expect, it, vi } from 'vitest';
import { createCoreClient } from './hostClient';
import { resultMessage, type ClientMessage } from './hostProtocol';

function link() {
  const sent: ClientMessage[] = [];
  return { sent, send: (message: ClientMessage) => void sent.push(message) };
}

describe('createCoreClient', () => {
  it('numbers calls and resolves each with its own envelope, whatever the order of the answers', async () => {
    const client = createCoreClient();
    const host = link();
    const receive = client.connect(host.send);
    const first = client.call('listPrompts', {});
    const second = client.call('getSettings', {});
    const [a, b] = host.sent as [ClientMessage & { id: number }, ClientMessage & { id: number }];
    expect(a.id).not.toBe(b.id);
    receive(resultMessage(b.id, { ok: true, data: 'settings' }));
    receive(resultMessage(a.id, { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }));
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    await expect(second).resolves.toEqual({ ok: true, data: 'settings' });
  });

  it('hands over the text the host wrote, unread, with whether it is a refusal', async () => {
    const client = createCoreClient();
    const host = link();
    const receive = client.connect(host.send);
    const answer = client.callText('getRun', { runId: 'r' });
    const refusal = client.callText('getRun', { runId: 'gone' });
    const [a, b] = host.sent as [ClientMessage & { id: number }, ClientMessage & { id: number }];
    receive({ kind: 'result', id: a.id, ok: true, json: '{"ok":true,"data":{"samples":[]}}' });
    receive(resultMessage(b.id, { ok: false, error: { code: 'NOT_FOUND', message: 'No run gone' } }));
    await expect(answer).resolves.toEqual({ ok: true, json: '{"ok":true,"data":{"samples":[]}}' });
    const refused = await refusal;
    expect(refused.ok).toBe(false);
    expect(JSON.parse(refused.json)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No run gone' } });
  });

  it('answers a call made after the client stopped with the reason, as text too', async () => {
    const client = createCoreClient();
    client.stop({ code: 'UNAVAILABLE', message: 'The app is closing.' });
    const refused = await client.callText('listPrompts', {});
    expect(refused).toEqual({ ok: false, json: JSON.stringify({ ok: false, error: { code: 'UNAVAILABLE', message: 'The app is closing.' } }) });
  });

  it('holds calls until a host is connected, and asks for events only once someone listens', async () => {
    const client = createCoreClient();
    const answer = client.call('listRuns', {});
    const host = link();
    const receive = client.connect(host.send);
    expect(host.sent).toEqual([{ kind: 'call', id: 1, method: 'listRuns', input: {} }]);
    const listener = vi.fn();
    client.onAny(listener);
    expect(host.sent.at(-1)).toEqual({ kind: 'subscribe' });
    receive({ kind: 'event', event: 'promptsChanged', payload: { names: ['a'] } });
    receive(resultMessage(1, { ok: true, data: [] }));
    await expect(answer).resolves.toEqual({ ok: true, data: [] });
    expect(listener).toHaveBeenCalledWith('promptsChanged', { names: ['a'] });
  });

  it('on a restart fails what was in flight, keeps new calls for the next host, which gets the subscription again', async () => {
    const client = createCoreClient();
    client.onAny(() => undefined);
    const old = link();
    const receiveOld = client.connect(old.send);
    const lost = client.call('rateSamples', { runId: 'r' });
    client.applyStatus({ state: 'restarting', message: 'The core process stopped unexpectedly (ended by SIGKILL) and is being started again.' });
    await expect(lost).resolves.toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('It had not answered this request') } });
    const later = client.call('listPrompts', {});
    const fresh = link();
    const receive = client.connect(fresh.send);
    expect(fresh.sent.map((message) => message.kind)).toEqual(['subscribe', 'call']);
    // A late answer from the dead host's link changes nothing.
    receiveOld({ kind: 'event', event: 'promptsChanged', payload: {} });
    const call = fresh.sent[1] as ClientMessage & { id: number };
    receive(resultMessage(call.id, { ok: true, data: [] }));
    await expect(later).resolves.toEqual({ ok: true, data: [] });
  });

  it('tells listeners the status, and once stopped answers everything with the reason', async () => {
    const client = createCoreClient();
    const statuses = vi.fn();
    client.onAny(statuses);
    const waiting = client.call('listPrompts', {});
    const status = { state: 'stopped' as const, message: 'It stopped 4 times in a row.' };
    client.applyStatus(status);
    const refused = { ok: false, error: { code: 'UNAVAILABLE', message: 'It stopped 4 times in a row.' } };
    await expect(waiting).resolves.toEqual(refused);
    await expect(client.call('getSettings', {})).resolves.toEqual(refused);
    expect(statuses).toHaveBeenCalledWith('coreStatus', status);
  });

  it('answers UNAVAILABLE when a call cannot be sent, and ignores what is not a host message', async () => {
    const client = createCoreClient();
    const receive = client.connect(() => {
      throw new Error('the channel is closed');
    });
    await expect(client.call('listPrompts', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('the channel is closed') } });
    expect(() => receive('garbage')).not.toThrow();
    expect(() => receive({ kind: 'result', id: 99 })).not.toThrow();
  });
});
