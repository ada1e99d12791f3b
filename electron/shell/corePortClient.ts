// The preload's end of the core: it asks main for a port, speaks hostProtocol.ts over it, and swaps
// in the new port main sends after the core restarts. The page never sees a port or a channel, only
// the bridge built on this (preload.ts). Kept free of Electron so it is tested without it.
import { createCoreClient, type CoreClient } from '../core/host/hostClient';
import { CORE_CONNECT_CHANNEL, CORE_PORT_CHANNEL, isCorePortMessage } from './coreChannels';

/** A DOM MessagePort as the preload gets it from Electron. */
export interface RendererPort {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

/** The part of ipcRenderer used here. */
export interface PreloadIpc {
  send(channel: string): void;
  on(channel: string, listener: (event: { ports: readonly RendererPort[] }, message: unknown) => void): void;
}

export function connectToCore(ipc: PreloadIpc): CoreClient {
  const client = createCoreClient();
  let port: RendererPort | null = null;
  ipc.on(CORE_PORT_CHANNEL, (event, message) => {
    if (!isCorePortMessage(message)) return;
    if (message.kind === 'status') return client.applyStatus(message.status);
    const next = event.ports[0];
    if (!next) return;
    port?.close();
    port = next;
    const receive = client.connect((call) => next.postMessage(call));
    // Assigning onmessage starts the port.
    next.onmessage = (received) => receive(received.data);
  });
  // Calls made before the port arrives wait for it.
  ipc.send(CORE_CONNECT_CHANNEL);
  return client;
}
