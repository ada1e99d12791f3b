// The contract over HTTP + WebSocket, for browser mode (`workbench serve`) and the e2e tests.
// Built generically from the contract: a method added to shared/api.ts works here unchanged.
import { z } from 'zod';
import { api, type Api, type EventName, type MethodName, type WorkbenchClient } from '../../shared/api';
import { httpRoute, methodNames, type EventPayload } from '../../shared/contract';
import { ErrorData, WorkbenchError, formatZodError } from '../../shared/errors';
import { createConnectionMonitor, type ConnectionMonitor } from './connectionMonitor';
import { createReconnectingSocket, type SocketConstructor } from './reconnectingSocket';

export const LOST_CONTACT_MESSAGE =
  'Lost contact with the Prompt Workbench server — is `workbench serve` still running?';

export interface HttpTransportOptions {
  /** The page's URL; the events socket lives at `httpRoute.events` on the same host. */
  baseUrl: string;
  fetch: typeof fetch;
  WebSocket: SocketConstructor;
  reconnectDelays?: readonly number[];
}

export interface HttpTransport {
  client: WorkbenchClient;
  connection: ConnectionMonitor;
  close(): void;
}

const EnvelopeBody = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.unknown() }),
]);

const EventFrame = z.object({ event: z.string(), payload: z.unknown() });

type AnyListener = (payload: unknown) => void;

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const fetchImpl = options.fetch;
  const listeners = new Map<string, Set<AnyListener>>();
  const monitor = createConnectionMonitor(() => socket.start());
  const socket = createReconnectingSocket({
    url: eventsUrl(options.baseUrl),
    WebSocket: options.WebSocket,
    monitor,
    onMessage: (data) => deliver(data, listeners),
    ...(options.reconnectDelays ? { delays: options.reconnectDelays } : {}),
  });

  async function call(name: MethodName, input: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(httpRoute.method(name), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      throw lostContact();
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      // An HTML error page, an empty body from a dying process, a proxy's complaint: not our server talking.
      throw lostContact(response.status);
    }
    const envelope = EnvelopeBody.safeParse(body);
    if (!envelope.success) throw lostContact(response.status);
    if (!envelope.data.ok) throw toWorkbenchError(envelope.data.error);
    const output = api.methods[name].output.safeParse(envelope.data.data);
    if (!output.success) {
      throw new WorkbenchError(
        'INTERNAL',
        `The server's answer to "${name}" does not match what this app expects: ${formatZodError(output.error)}. ` +
          'The app and the server may be different versions; reload the page.',
      );
    }
    return output.data;
  }

  function on<K extends EventName>(event: K, listener: (payload: EventPayload<Api, K>) => void): () => void {
    socket.start();
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const stored = listener as AnyListener;
    set.add(stored);
    return () => {
      set.delete(stored);
    };
  }

  const methods = Object.fromEntries(methodNames(api).map((name) => [name, (input: unknown) => call(name, input)]));
  // Object.fromEntries loses the per-method types; the keys are exactly the contract's method
  // names and each function parses with that method's output schema, so this is ClientOf<Api>.
  const client = { ...methods, on } as unknown as WorkbenchClient;
  return { client, connection: monitor, close: () => socket.close() };
}

export function eventsUrl(baseUrl: string): string {
  const url = new URL(httpRoute.events, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.toString();
}

function lostContact(status?: number): WorkbenchError {
  return new WorkbenchError('INTERNAL', LOST_CONTACT_MESSAGE, status === undefined ? undefined : { status });
}

function toWorkbenchError(error: unknown): WorkbenchError {
  const data = ErrorData.safeParse(error);
  if (data.success) return WorkbenchError.fromData(data.data);
  // An error code this build does not know yet: keep the server's message, which is what matters.
  const message = z.object({ message: z.string() }).safeParse(error);
  return new WorkbenchError('INTERNAL', message.success ? message.data.message : 'The server reported an error without a message.');
}

function deliver(data: unknown, listeners: Map<string, Set<AnyListener>>): void {
  if (typeof data !== 'string') return;
  let frame: z.infer<typeof EventFrame>;
  try {
    frame = EventFrame.parse(JSON.parse(data));
  } catch {
    console.warn('Ignored an event frame that is not {"event", "payload"} JSON.');
    return;
  }
  const schema = Object.hasOwn(api.events, frame.event) ? api.events[frame.event as EventName] : undefined;
  if (!schema) return; // An event from a newer server; nothing here listens for it.
  const payload = schema.safeParse(frame.payload);
  if (!payload.success) {
    console.warn(`Ignored a "${frame.event}" event whose payload does not match the contract: ${formatZodError(payload.error)}`);
    return;
  }
  for (const listener of [...(listeners.get(frame.event) ?? [])]) {
    try {
      listener(payload.data);
    } catch (error) {
      // One broken listener must not starve the others.
      console.error(error);
    }
  }
}
