// Builds the renderer's client from the contract, over two functions the preload supplies (invoke a
// channel, subscribe to a channel). Kept free of Electron so it can be tested and so the shape the
// page sees is, by construction, `ClientOf<contract>`: one function per method plus `on`.
import { api, type WorkbenchClient } from '../shared/api';
import { eventNames, ipcChannel, methodNames, type ClientOf, type Contract } from '../shared/contract';
import { ErrorData, WorkbenchError } from '../shared/errors';

/** The global the preload exposes: `window.workbench`. */
export const BRIDGE_GLOBAL = 'workbench';

/** What `window.workbench` is, for the renderer's global declaration. */
export type WorkbenchBridge = WorkbenchClient;

export interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Calls `listener` with the payload only; returns an unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Turns the main process's envelope back into a value or a thrown WorkbenchError (message + code).
 * The envelope is checked rather than trusted: a malformed reply is a bug we want named, not a
 * `Cannot read properties of undefined` somewhere in a component.
 */
export function unwrapEnvelope(reply: unknown, method: string): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true && 'data' in reply) return reply.data;
    if (reply.ok === false && 'error' in reply) {
      const error = ErrorData.safeParse(reply.error);
      if (error.success) throw WorkbenchError.fromData(error.data);
    }
  }
  throw new WorkbenchError('INTERNAL', `The app sent a reply to ${method} that the window could not read.`);
}

export function createBridgeClient<C extends Contract>(contract: C, transport: BridgeTransport): ClientOf<C> {
  const client: Record<string, unknown> = {};
  for (const name of methodNames(contract)) {
    // `on` is the subscription function; a method with that name would silently replace it.
    if (name === 'on') throw new Error('A contract method cannot be named "on".');
    const channel = ipcChannel.method(name);
    client[name] = async (input: unknown) => unwrapEnvelope(await transport.invoke(channel, input), name);
  }

  const known: ReadonlySet<string> = new Set(eventNames(contract));
  client.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    // Only contract events: the page must not be able to listen on arbitrary IPC channels.
    if (typeof event !== 'string' || !known.has(event)) {
      throw new WorkbenchError('BAD_INPUT', `There is no event named "${String(event)}". Known events: ${[...known].join(', ')}.`);
    }
    if (typeof listener !== 'function') throw new WorkbenchError('BAD_INPUT', 'The listener must be a function.');
    return transport.subscribe(ipcChannel.event(event), (payload) => listener(payload));
  };

  // The object was assembled from the contract's own names, which is exactly what ClientOf<C>
  // describes; TypeScript cannot follow a loop over keys, hence the one cast.
  return Object.freeze(client) as unknown as ClientOf<C>;
}

/** The app's client: what the preload exposes as `window.workbench`. */
export function createWorkbenchClient(transport: BridgeTransport): WorkbenchClient {
  return createBridgeClient(api, transport);
}
