import { useSyncExternalStore } from 'react';
import type { ConnectionState } from './connectionMonitor';
import { connection } from './client';

const subscribe = (listener: () => void) => connection?.subscribe(listener) ?? (() => undefined);
const getSnapshot = () => connection?.getState() ?? null;

/** The browser-mode socket's state, or null in Electron where there is no connection to show. */
export function useConnectionState(): ConnectionState | null {
  return useSyncExternalStore(subscribe, getSnapshot);
}
