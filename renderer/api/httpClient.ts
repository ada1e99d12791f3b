// The contract over HTTP + WebSocket, for browser mode (`workbench serve`) and the e2e tests.
// Built generically from the contract: a method added to shared/api.ts works here unchanged.
import { z } from 'zod';
import { api, type WorkbenchClient } from '../../shared/api';
import { httpRoute } from '../../shared/contract';
import { createEnvelopeClient } from '../../shared/envelopeClient';
import { httpCall, type RawCall } from './httpCall';
import { createConnectionMonitor, type ConnectionMonitor } from './connectionMonitor';
import { createReconnectingSocket, type SocketConstructor } from './reconnectingSocket';

export interface HttpTransportOptions {
  /** The page's URL; the events socket lives at `httpRoute.events` on the same host. */
  baseUrl: string;
  fetch: typeof fetch;
  /** How calls are made; `httpCall(fetch)` unless given. */
  call?: RawCall;
  WebSocket: SocketConstructor;
  reconnectDelays?: readonly number[];
}

export interface HttpTransport {
  client: WorkbenchClient;
  connection: ConnectionMonitor;
  close(): void;
}

const EventFrame = z.object({ event: z.string(), payload: z.unknown() });

type AnyListener = (payload: unknown) => void;

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  // The call may come wrapped (client.ts hands over answers the page asked for early).
  const call = options.call ?? httpCall(options.fetch);
  const listeners = new Map<string, Set<AnyListener>>();
  const monitor = createConnectionMonitor(() => socket.start());
  const socket = createReconnectingSocket({
    url: eventsUrl(options.baseUrl),
    WebSocket: options.WebSocket,
    monitor,
    onMessage: (data) => deliver(data, listeners),
    ...(options.reconnectDelays ? { delays: options.reconnectDelays } : {}),
  });

  function subscribe(event: string, listener: AnyListener): () => void {
    socket.start();
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  const client = createEnvelopeClient(api, { call, subscribe });
  return { client, connection: monitor, close: () => socket.close() };
}

export function eventsUrl(baseUrl: string): string {
  const url = new URL(httpRoute.events, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** Hands each frame's raw payload to its listeners; the envelope client checks it against the contract. */
function deliver(data: unknown, listeners: Map<string, Set<AnyListener>>): void {
  if (typeof data !== 'string') return;
  let frame: z.infer<typeof EventFrame>;
  try {
    frame = EventFrame.parse(JSON.parse(data));
  } catch {
    console.warn('Ignored an event frame that is not {"event", "payload"} JSON.');
    return;
  }
  for (const listener of [...(listeners.get(frame.event) ?? [])]) {
    try {
      listener(frame.payload);
    } catch (error) {
      // One broken listener must not starve the others.
      console.error(error);
    }
  }
}
