// The one client the UI talks to. Inside Electron the preload bridge provides it over IPC;
// in a browser (`workbench serve`) it is built over HTTP + WebSocket. Nothing else in the
// renderer knows or cares which one it got.
import type { WorkbenchClient } from '../../shared/api';
import type { ConnectionMonitor } from './connectionMonitor';
import { createHttpTransport } from './httpClient';

interface Transport {
  client: WorkbenchClient;
  /** Only browser mode has a connection that can drop; IPC has none to show. */
  connection: ConnectionMonitor | null;
}

function pickTransport(): Transport {
  const bridge = window.workbench;
  if (bridge) return { client: bridge, connection: null };
  const { client, connection } = createHttpTransport({
    baseUrl: window.location.href,
    fetch: window.fetch.bind(window),
    WebSocket: window.WebSocket,
  });
  return { client, connection };
}

const transport = pickTransport();

export const client: WorkbenchClient = transport.client;
export const connection: ConnectionMonitor | null = transport.connection;
