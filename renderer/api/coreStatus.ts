// The core process's last status, as its launcher reported it (the `coreStatus` event): restarting,
// restarted, or stopped for good. A tiny external store for useSyncExternalStore; nothing is shown
// until the core has stopped unexpectedly at least once.
import { useSyncExternalStore } from 'react';
import type { CoreStatus } from '../../shared/workspace';
import { client } from './client';

let current: CoreStatus | null = null;
const listeners = new Set<() => void>();
let listening = false;

function set(next: CoreStatus | null): void {
  current = next;
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  if (!listening) {
    listening = true;
    client.on('coreStatus', set);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCoreStatus(): CoreStatus | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** The person has read that the core restarted. */
export function dismissCoreStatus(): void {
  if (current?.state === 'restarted') set(null);
}
