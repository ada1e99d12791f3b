// The calling side of a connection to the core host, whatever carries it: `serve`'s IPC channel to
// its child, or a window's MessagePort in the desktop app (used inside the sandboxed preload, so
// this file stays pure: no Node, no Electron). Calls are numbered and answered by envelope; events
// fan out to listeners. When the host goes away, calls in flight fail with the launcher's reason and
// new calls wait for the next host instead of failing while it starts.
import type { Envelope, ErrorData } from '../../../shared/errors';
import type { CoreStatus } from '../../../shared/workspace';
import type { EnvelopeText } from '../dispatch';
import { isHostMessage, type ClientMessage } from './hostProtocol';

type EventListener = (event: string, payload: unknown) => void;

export interface CoreClient {
  /** Resolves with the core's envelope, never rejects; waits while a host is starting. */
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** The same envelope as the JSON text the host wrote, for passing on unread (serve's HTTP answers). */
  callText(method: string, input: unknown): Promise<EnvelopeText>;
  /** Receives every event; returns an unsubscribe function. */
  onAny(listener: EventListener): () => void;
  /** A host is reachable through `send`; returns the function that takes that link's incoming messages. */
  connect(send: (message: ClientMessage) => void): (message: unknown) => void;
  /**
   * What the launcher says about the host, passed on to listeners as the `coreStatus` event.
   * restarting: calls in flight resolve with UNAVAILABLE (they may or may not have run); new ones
   * wait for the next connect. stopped: every call, waiting or later, resolves with UNAVAILABLE.
   */
  applyStatus(status: CoreStatus): void;
  /** No host is coming back (the app is closing): every call waiting, in flight or made later resolves with `error`. */
  stop(error: ErrorData): void;
}

/** What a call gets when the host stopped before answering it. */
export function unansweredCallError(status: CoreStatus): ErrorData {
  return { code: 'UNAVAILABLE', message: `${status.message} It had not answered this request: try again in a moment, and check whether the change was made before repeating it.` };
}

interface Waiting {
  method: string;
  input: unknown;
  resolve: (answer: EnvelopeText) => void;
}

export function createCoreClient(): CoreClient {
  const listeners = new Set<EventListener>();
  const inFlight = new Map<number, (answer: EnvelopeText) => void>();
  let waiting: Waiting[] = [];
  let nextId = 1;
  let link: { send: (message: ClientMessage) => void; subscribed: boolean } | null = null;
  let stopped: ErrorData | null = null;

  function send(call: Waiting): void {
    if (!link) return void waiting.push(call);
    const id = nextId++;
    inFlight.set(id, call.resolve);
    try {
      link.send({ kind: 'call', id, method: call.method, input: call.input });
    } catch (error) {
      inFlight.delete(id);
      call.resolve(failure({ code: 'UNAVAILABLE', message: `The call could not be sent to the core: ${error instanceof Error ? error.message : String(error)}` }));
    }
  }

  function subscribe(): void {
    if (!link || link.subscribed || listeners.size === 0) return;
    link.subscribed = true;
    link.send({ kind: 'subscribe' });
  }

  function deliver(event: string, payload: unknown): void {
    for (const listener of [...listeners]) {
      try {
        listener(event, payload);
      } catch (error) {
        // One broken listener must not starve the others.
        console.error(error);
      }
    }
  }

  function failInFlight(error: ErrorData): void {
    const answers = [...inFlight.values()];
    inFlight.clear();
    for (const resolve of answers) resolve(failure(error));
  }

  function stop(error: ErrorData): void {
    link = null;
    stopped = error;
    failInFlight(error);
    const queued = waiting;
    waiting = [];
    for (const call of queued) call.resolve(failure(error));
  }

  function callText(method: string, input: unknown): Promise<EnvelopeText> {
    return new Promise((resolve) => {
      if (stopped) return resolve(failure(stopped));
      send({ method, input, resolve });
    });
  }

  return {
    call: async (method, input) => JSON.parse((await callText(method, input)).json) as Envelope<unknown>,
    callText,
    onAny(listener) {
      listeners.add(listener);
      subscribe();
      return () => listeners.delete(listener);
    },
    connect(sendMessage) {
      const current = { send: sendMessage, subscribed: false };
      link = current;
      stopped = null;
      subscribe();
      const queued = waiting;
      waiting = [];
      for (const call of queued) send(call);
      return (message) => {
        if (!isHostMessage(message)) return;
        if (message.kind === 'result') {
          const resolve = inFlight.get(message.id);
          inFlight.delete(message.id);
          resolve?.({ ok: message.ok, json: message.json });
        } else if (message.kind === 'event' && link === current) {
          deliver(message.event, message.payload);
        }
      };
    },
    applyStatus(status) {
      if (status.state === 'restarting') {
        link = null;
        failInFlight(unansweredCallError(status));
      } else if (status.state === 'stopped') {
        stop({ code: 'UNAVAILABLE', message: status.message });
      }
      deliver('coreStatus', status);
    },
    stop,
  };
}

function failure(error: ErrorData): EnvelopeText {
  return { ok: false, json: JSON.stringify({ ok: false, error }) };
}
