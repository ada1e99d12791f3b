// One connection of the core host: how it receives messages and answers. The host itself
// (coreHost.ts) works on this shape alone; the adapters below are the only code that knows what
// carries it: Node's IPC channel to a forked parent, or, under Electron, the utility process's
// parentPort and the MessagePorts that windows are given. Electron's objects are described by
// shape here, because electron/core never imports 'electron'.
import type { HostMessage } from './hostProtocol';

export interface HostConnection {
  /** `sent` is called once the message has left (or could not be sent): the host waits for it before exiting. */
  post(message: HostMessage, sent?: () => void): void;
  /** `connections`: new connections that arrived with the message (transferred ports, Electron only). */
  onMessage(listener: (message: unknown, connections: readonly HostConnection[]) => void): void;
  onClose(listener: () => void): void;
}

/** What Node gives a process started with child_process.fork. */
interface ForkedProcess {
  send?: (message: unknown, callback: (error: Error | null) => void) => boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
}

export function forkedParentConnection(proc: ForkedProcess): HostConnection | null {
  const send = proc.send?.bind(proc);
  if (!send) return null;
  return {
    // With a callback, a channel closed meanwhile (the parent died) is reported there instead of
    // as an 'error' event that would end the process before it closes its database.
    post: (message, sent) => void send(message, () => sent?.()),
    onMessage: (listener) => void proc.on('message', (message) => listener(message, [])),
    onClose: (listener) => void proc.on('disconnect', listener),
  };
}

/** Electron's MessagePortMain, as a utility process sees it. */
export interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
}

/** Electron's `process.parentPort` in a utility process. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: readonly PortLike[] }) => void): unknown;
  postMessage(message: unknown): void;
}

export function portConnection(port: PortLike): HostConnection {
  return {
    post(message, sent) {
      port.postMessage(message);
      if (sent) setTimeout(sent, 50);
    },
    onMessage(listener) {
      port.on('message', (event) => listener(event.data, []));
      // A MessagePortMain queues what arrives until it is started.
      port.start();
    },
    onClose: (listener) => void port.on('close', listener),
  };
}

export function utilityParentConnection(parentPort: ParentPortLike): HostConnection {
  return {
    post(message, sent) {
      parentPort.postMessage(message);
      // Electron has no delivery callback; a moment is enough for the message to leave before an exit.
      if (sent) setTimeout(sent, 50);
    },
    onMessage: (listener) => void parentPort.on('message', (event) => listener(event.data, event.ports.map(portConnection))),
    // Electron ends a utility process together with the app; there is no disconnect to watch.
    onClose: () => undefined,
  };
}
