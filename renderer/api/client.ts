// The one client the UI talks to. Inside Electron the preload bridge provides it (over a
// MessagePort straight to the core's process); in a browser (`workbench serve`) it is built over
// HTTP + WebSocket. Nothing else in the renderer knows or cares which one it got.
import { api, type WorkbenchClient } from '../../shared/api';
import { createEnvelopeClient } from '../../shared/envelopeClient';
import type { ConnectionMonitor } from './connectionMonitor';
import { coreCall } from './coreCall';
import { answeringEarly } from './earlyCalls';
import { createHttpTransport } from './httpClient';

interface Transport {
  client: WorkbenchClient;
  /** Only browser mode has a connection that can drop; the core's own restarts arrive as the coreStatus event in both. */
  connection: ConnectionMonitor | null;
}

function pickTransport(): Transport {
  // Chosen the way earlyStart.ts chose it; answers it asked for early are taken from here.
  const call = answeringEarly(coreCall());
  const bridge = window.workbench;
  if (bridge) {
    // The bridge resolves with envelopes (Electron's contextBridge would drop error codes);
    // unwrap them exactly as browser mode does.
    const client = createEnvelopeClient(api, { call, subscribe: (event, listener) => bridge.on(event, listener) });
    return { client, connection: null };
  }
  const { client, connection } = createHttpTransport({
    baseUrl: window.location.href,
    fetch: window.fetch.bind(window),
    call,
    WebSocket: window.WebSocket,
  });
  return { client, connection };
}

const transport = pickTransport();

export const client: WorkbenchClient = transport.client;
export const connection: ConnectionMonitor | null = transport.connection;
