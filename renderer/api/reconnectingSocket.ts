// One WebSocket that keeps coming back. The server pushes events over it; when it drops, we retry
// with growing delays and tell the monitor, so the UI can say "Reconnecting…" and, once back,
// refetch whatever may have changed while we were not listening.
import type { ConnectionMonitorController } from './connectionMonitor';

/** The part of the DOM WebSocket we use; tests pass a fake with the same shape. */
export type SocketLike = Pick<WebSocket, 'onopen' | 'onclose' | 'onmessage' | 'onerror' | 'close'>;
export type SocketConstructor = new (url: string) => SocketLike;

/**
 * Backoff schedule in milliseconds; the last value repeats. No jitter: there is one client per
 * local server, so there is no crowd of clients to spread out.
 */
export const DEFAULT_RECONNECT_DELAYS: readonly number[] = [500, 1000, 2000, 4000, 8000];

export interface ReconnectingSocketOptions {
  url: string;
  WebSocket: SocketConstructor;
  monitor: ConnectionMonitorController;
  onMessage(data: unknown): void;
  delays?: readonly number[];
}

export interface ReconnectingSocket {
  /** Opens the socket if it is not open yet; safe to call many times. */
  start(): void;
  /** Closes for good (tests, teardown); no more reconnects. */
  close(): void;
}

export function createReconnectingSocket(options: ReconnectingSocketOptions): ReconnectingSocket {
  const delays = options.delays ?? DEFAULT_RECONNECT_DELAYS;
  let socket: SocketLike | null = null;
  let started = false;
  let stopped = false;
  let failures = 0;
  let everConnected = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function connect(): void {
    retryTimer = undefined;
    let next: SocketLike;
    try {
      next = new options.WebSocket(options.url);
    } catch {
      scheduleRetry();
      return;
    }
    socket = next;
    next.onopen = () => {
      // Anything that happened while we were disconnected (or still trying) went unheard.
      const missedEvents = everConnected || failures > 0;
      failures = 0;
      everConnected = true;
      options.monitor.setState('connected');
      if (missedEvents) options.monitor.notifyReconnected();
    };
    next.onmessage = (event) => options.onMessage(event.data);
    // A failed socket always closes afterwards; the retry is decided there, once.
    next.onerror = () => undefined;
    next.onclose = () => {
      if (socket !== next) return;
      socket = null;
      if (!stopped) scheduleRetry();
    };
  }

  function scheduleRetry(): void {
    options.monitor.setState('reconnecting');
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 1000;
    failures += 1;
    retryTimer = setTimeout(connect, delay);
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      connect();
    },
    close() {
      stopped = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      const current = socket;
      socket = null;
      current?.close();
    },
  };
}
