// The two IPC messages between a window's preload and the main process about the core. The
// preload asks for a connection once it runs; main answers with a MessagePort whose other end is
// in the core's utility process (again after every restart), and passes on the core's status.
// Contract calls never pass through main: they go over the port.
import type { CoreStatus } from '../../shared/workspace';

/** preload → main: "give this window a port to the core". */
export const CORE_CONNECT_CHANNEL = 'workbench:core:connect';
/** main → preload: a port (transferred with the message), or the core's status. */
export const CORE_PORT_CHANNEL = 'workbench:core:port';

export type CorePortMessage = { kind: 'port' } | { kind: 'status'; status: CoreStatus };

export function isCorePortMessage(value: unknown): value is CorePortMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { kind?: unknown; status?: unknown };
  return message.kind === 'port' || (message.kind === 'status' && typeof message.status === 'object' && message.status !== null);
}
