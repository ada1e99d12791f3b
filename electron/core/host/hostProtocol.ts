// The messages between the core host process and whoever launched it or connected to it: the one
// place they are declared. Everything here is plain data that survives both Node's IPC channel
// (child_process.fork) and Electron's MessagePort (both structured clones). Pure TypeScript: the
// Electron main process and the sandboxed preload import it too, so it must not reach Node or the core.
import type { Envelope, ErrorData } from '../../../shared/errors';
import type { CoreStatus } from '../../../shared/workspace';

/** API keys as the launcher holds them: `keychain` ones persist (encrypted by the OS), `session` ones end with the launcher. */
export interface SecretsSnapshot {
  kind: 'keychain' | 'session';
  values: Record<string, string>;
}

/** What the host needs to open the core. Sent as the first message, never as arguments: it carries keys. */
export interface HostOpenOptions {
  /** `--workspace`, if given; else WORKBENCH_HOME, else ~/PromptWorkbench (resolved in the host). */
  workspaceDir?: string;
  starterDir: string;
  create: boolean;
  watch: boolean;
  /** The better-sqlite3 binary built for the host's ABI (Electron's), when it is not Node's own build. */
  nativeBinding?: string;
  secrets: SecretsSnapshot;
}

/** A contract call, from any connection: the launcher's channel (serve) or a window's port (Electron). */
export interface CallMessage {
  kind: 'call';
  id: number;
  method: string;
  input: unknown;
}

/** Asks for the contract's events on this connection (a launcher that only supervises never does). */
export interface SubscribeMessage {
  kind: 'subscribe';
}

export type ClientMessage = CallMessage | SubscribeMessage;

export type LauncherMessage =
  | ClientMessage
  | { kind: 'open'; options: HostOpenOptions }
  /** Close the core cleanly (runs become interrupted, the database is checkpointed), then exit. */
  | { kind: 'close' }
  /** Electron only: the message carries a transferred MessagePort, a new connection from a window. */
  | { kind: 'connect' };

/**
 * A call's answer. The envelope crosses as JSON text, written once in the host: a large answer (a
 * run's samples) goes over as one string rather than thousands of objects to copy, and `serve`
 * sends it on as the HTTP body without reading it. `ok` says whether it is a refusal without
 * reading it either.
 */
export interface ResultMessage {
  kind: 'result';
  id: number;
  ok: boolean;
  json: string;
}

export function resultMessage(id: number, envelope: Envelope<unknown>): ResultMessage {
  return { kind: 'result', id, ok: envelope.ok, json: JSON.stringify(envelope) };
}

export interface EventMessage {
  kind: 'event';
  event: string;
  payload: unknown;
}

export type HostToClientMessage = ResultMessage | EventMessage;

export type HostMessage =
  | HostToClientMessage
  | { kind: 'ready'; workspacePath: string }
  | { kind: 'openFailed'; workspaceDir: string; error: ErrorData }
  /** A key was set in Settings: the launcher keeps it (encrypted, in the desktop app) and sends it again after a restart. */
  | { kind: 'storeSecret'; name: string; value: string | null }
  /** Sent just before the host dies of an error nothing caught, so the launcher can say what happened. */
  | { kind: 'fatal'; message: string };

/** What the launcher tells the UI about the core process, as the contract's `coreStatus` event. */
export type CoreStatusState = CoreStatus['state'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Our own processes send these, so a shape check is enough to catch a version mismatch or a stray message. */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isObject(value)) return false;
  switch (value.kind) {
    case 'result':
      return typeof value.id === 'number' && typeof value.ok === 'boolean' && typeof value.json === 'string';
    case 'event':
      return typeof value.event === 'string';
    case 'ready':
      return typeof value.workspacePath === 'string';
    case 'openFailed':
      return typeof value.workspaceDir === 'string' && isObject(value.error);
    case 'storeSecret':
      return typeof value.name === 'string' && (typeof value.value === 'string' || value.value === null);
    case 'fatal':
      return typeof value.message === 'string';
    default:
      return false;
  }
}

export function isLauncherMessage(value: unknown): value is LauncherMessage {
  if (!isObject(value)) return false;
  switch (value.kind) {
    case 'call':
      return typeof value.id === 'number' && typeof value.method === 'string';
    case 'open':
      return isObject(value.options);
    case 'subscribe':
    case 'close':
    case 'connect':
      return true;
    default:
      return false;
  }
}
