import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resultMessage, type CallMessage } from '../core/host/hostProtocol';
import { CORE_PORT_CHANNEL } from './coreChannels';
import { connectToCore, type PreloadIpc, type RendererPort } from './corePortClient';

function fakeIpc() {
  const handlers: ((event: { ports: readonly RendererPort[] }, message: unknown) => void)[] = [];
  const ipc: PreloadIpc = {
    send: vi.fn(),
    on: (channel, listener) => {
      if (channel === CORE_PORT_CHANNEL) handlers.push(listener);
    },
  };
  const deliver = (message: unknown, ports: RendererPort[] = []) => handlers.forEach((handler) => handler({ ports }, message));
  return { ipc, deliver };
}

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function channel(): { mine: RendererPort; core: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  return { mine: port1 as unknown as RendererPort, core: port2 };
}

const nextCall = (port: MessagePort) => new Promise<CallMessage>((resolve) => port.once('message', resolve));

describe('connectToCore', () => {
  it('sends calls over the newest port after a restart, and answers from the new core', async () => {
    const { ipc, deliver } = fakeIpc();
    const client = connectToCore(ipc);
    const first = channel();
    deliver({ kind: 'port' }, [first.mine]);
    deliver({ kind: 'status', status: { state: 'restarting', message: 'It stopped.' } });
    const second = channel();
    deliver({ kind: 'port' }, [second.mine]);
    const answer = client.call('listPrompts', {});
    const call = await nextCall(second.core);
    second.core.postMessage(resultMessage(call.id, { ok: true, data: [] }));
    await expect(answer).resolves.toEqual({ ok: true, data: [] });
  });

  it('once the core is given up on, every call is answered with what happened', async () => {
    const { ipc, deliver } = fakeIpc();
    const client = connectToCore(ipc);
    const waiting = client.call('listPrompts', {});
    deliver({ kind: 'status', status: { state: 'stopped', message: 'The core process stopped 4 times in a row.' } });
    const failed = { ok: false, error: { code: 'UNAVAILABLE', message: 'The core process stopped 4 times in a row.' } };
    await expect(waiting).resolves.toEqual(failed);
    await expect(client.call('getSettings', {})).resolves.toEqual(failed);
  });

  it('ignores messages on its channel that are not a port or a status', () => {
    const { ipc, deliver } = fakeIpc();
    const client = connectToCore(ipc);
    const listener = vi.fn();
    client.onAny(listener);
    deliver({ kind: 'event', event: 'settingsChanged', payload: {} });
    deliver('port');
    expect(listener).not.toHaveBeenCalled();
  });
});
