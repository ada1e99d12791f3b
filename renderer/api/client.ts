// The one client the UI talks to. Inside Electron the preload bridge provides it (over a
// MessagePort straight to the core's process); in a browser (`workbench serve`) it is built over
// HTTP + WebSocket. Nothing else in the renderer knows or cares which one it got.
import { api, type WorkbenchClient } from '../../shared/api';
import { createEnvelopeClient } from '../../shared/envelopeClient';
import type { ConnectionMonitor } from './connectionMonitor';
import { bridgeCall } from './coreCall';
import { answeringEarly } from './earlyCalls';
import { httpCall } from './httpCall';
import { createHttpTransport } from './httpClient';

interface Transport {
  client: WorkbenchClient;
  /** Only browser mode has a connection that can drop; the core's own restarts arrive as the coreStatus event in both. */
  connection: ConnectionMonitor | null;
}

function pickTransport(): Transport {
  const bridge = window.workbench;
  if (bridge) {
    // The bridge resolves with envelopes (Electron's contextBridge would drop error codes);
    // unwrap them exactly as browser mode does.
    const client = createEnvelopeClient(api, { call: answeringEarly(bridgeCall(bridge)), subscribe: (event, listener) => bridge.on(event, listener) });
    return { client, connection: null };
  }
  const fetchImpl = window.fetch.bind(window);
  const { client, connection } = createHttpTransport({
    baseUrl: window.location.href,
    fetch: fetchImpl,
    call: answeringEarly(httpCall(fetchImpl)),
    WebSocket: window.WebSocket,
  });
  return { client, connection };
}

const transport = pickTransport();

export const client: WorkbenchClient = transport.client;
export const connection: ConnectionMonitor | null = transport.connection;
