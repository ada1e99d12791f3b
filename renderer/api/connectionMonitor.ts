// Connection state of the browser-mode event socket, as a tiny external store the UI can read
// with useSyncExternalStore. Electron has no such socket; a restart of the core process itself is
// reported in both modes by the coreStatus event (coreStatus.ts).

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export interface ConnectionMonitor {
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /** Called after the socket comes back from a drop: events may have been missed meanwhile. */
  onReconnect(listener: () => void): () => void;
}

export interface ConnectionMonitorController extends ConnectionMonitor {
  setState(state: ConnectionState): void;
  notifyReconnected(): void;
}

export function createConnectionMonitor(onFirstSubscribe: () => void): ConnectionMonitorController {
  let state: ConnectionState = 'connecting';
  const stateListeners = new Set<() => void>();
  const reconnectListeners = new Set<() => void>();

  return {
    getState: () => state,
    subscribe(listener) {
      // Watching the connection only makes sense once there is one to watch.
      onFirstSubscribe();
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      return () => reconnectListeners.delete(listener);
    },
    setState(next) {
      if (next === state) return;
      state = next;
      for (const listener of [...stateListeners]) listener();
    },
    notifyReconnected() {
      for (const listener of [...reconnectListeners]) listener();
    },
  };
}
