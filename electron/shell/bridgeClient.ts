// Builds what the preload exposes as `window.workbench`: one function per contract method plus
// `on`. Methods resolve with the core's envelope instead of throwing, because Electron's
// contextBridge keeps only an Error's message; the renderer unwraps envelopes with
// shared/envelopeClient.ts, the same code browser mode uses. Kept free of Electron for testing.
import { api } from '../../shared/api';
import { eventNames, methodNames, type Contract } from '../../shared/contract';
import type { EnvelopeBridgeOf } from '../../shared/envelopeClient';
import { WorkbenchError, type Envelope } from '../../shared/errors';

/** The global the preload exposes: `window.workbench`. */
export const BRIDGE_GLOBAL = 'workbench';

export type WorkbenchBridge = EnvelopeBridgeOf<typeof api>;

export interface BridgeTransport {
  /** Calls a contract method; resolves with its envelope. */
  invoke(method: string, input: unknown): Promise<unknown>;
  /** Calls `listener` with the event's payload only; returns an unsubscribe function. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export function createBridge<C extends Contract>(contract: C, transport: BridgeTransport): EnvelopeBridgeOf<C> {
  const bridge: Record<string, unknown> = {};
  for (const name of methodNames(contract)) {
    // `on` is the subscription function; a method with that name would silently replace it.
    if (name === 'on') throw new Error('A contract method cannot be named "on".');
    bridge[name] = async (input: unknown): Promise<Envelope<unknown>> => {
      try {
        return (await transport.invoke(name, input)) as Envelope<unknown>;
      } catch (error) {
        // The transport itself failed: still an envelope, never a throw.
        return { ok: false, error: { code: 'UNAVAILABLE', message: `The app's core did not answer: ${error instanceof Error ? error.message : String(error)}` } };
      }
    };
  }

  const known: ReadonlySet<string> = new Set(eventNames(contract));
  bridge.on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    // Only contract events: the page must not be able to listen to anything else.
    if (typeof event !== 'string' || !known.has(event)) {
      throw new WorkbenchError('BAD_INPUT', `There is no event named "${String(event)}". Known events: ${[...known].join(', ')}.`);
    }
    if (typeof listener !== 'function') throw new WorkbenchError('BAD_INPUT', 'The listener must be a function.');
    return transport.subscribe(event, (payload) => listener(payload));
  };

  // Assembled from the contract's own names, which is exactly what EnvelopeBridgeOf<C> describes.
  return Object.freeze(bridge) as unknown as EnvelopeBridgeOf<C>;
}

/** The app's bridge: what the preload exposes as `window.workbench`. */
export function createWorkbenchBridge(transport: BridgeTransport): WorkbenchBridge {
  return createBridge(api, transport);
}
