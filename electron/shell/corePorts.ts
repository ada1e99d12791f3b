// Main's part in the windows' connection to the core: a broker, not a relay. A window's preload asks
// for a port; if the request comes from the top frame of the app's own page, main creates a
// MessageChannelMain, gives one end to the core's utility process and the other to the window, and
// is out of the way from then on: calls and events go straight between the two processes. After a
// restart every window gets a port to the new core; the core's status is passed on to them.
import type { CoreStatus } from '../../shared/workspace';
import { CORE_CONNECT_CHANNEL, CORE_PORT_CHANNEL, type CorePortMessage } from './coreChannels';

/** What we read from `event.senderFrame`; Electron's WebFrameMain satisfies it. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** A window's web contents, as far as the broker needs them; Electron's WebContents satisfies it. */
export interface PortReceiver {
  postMessage(channel: string, message: CorePortMessage, transfer?: unknown[]): void;
  isDestroyed(): boolean;
  getURL(): string;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface ConnectEvent {
  readonly sender: PortReceiver;
  readonly senderFrame: SenderFrame | null;
}

/** The part of ipcMain used here. */
export interface ConnectRequests {
  on(channel: string, listener: (event: ConnectEvent) => void): unknown;
  removeAllListeners(channel: string): unknown;
}

export interface PortHost<Port> {
  connect(port: Port): void;
}

export interface CorePortsOptions<Port> {
  ipcMain: ConnectRequests;
  /** `new MessageChannelMain()`. */
  createChannel(): { port1: Port; port2: Port };
  /** Whether a URL is the app's own page (window.ts isAppUrl). */
  isTrustedUrl(url: string): boolean;
}

/**
 * Only the top frame of the app's own page gets a port. A null frame means it navigated away or
 * was destroyed; a child frame could be anything the page embedded. Either is refused.
 */
export function isTrustedFrame(frame: SenderFrame | null, isTrustedUrl: (url: string) => boolean): boolean {
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url);
}

export class CorePorts<Port> {
  private host: PortHost<Port> | null = null;
  private readonly windows = new Set<PortReceiver>();

  constructor(private readonly options: CorePortsOptions<Port>) {
    options.ipcMain.on(CORE_CONNECT_CHANNEL, (event) => {
      if (!isTrustedFrame(event.senderFrame, options.isTrustedUrl)) return;
      const contents = event.sender;
      if (!this.windows.has(contents)) {
        this.windows.add(contents);
        contents.once('destroyed', () => this.windows.delete(contents));
      }
      this.give(contents);
    });
  }

  /** A core host is ready (the first, or a restarted one): every window gets a port to it. */
  hostReady(host: PortHost<Port>): void {
    this.host = host;
    for (const contents of this.windows) this.give(contents);
  }

  /** Passes the core's status on; while it restarts, windows asking for a port wait for the next host. */
  status(status: CoreStatus): void {
    if (status.state !== 'restarted') this.host = null;
    for (const contents of this.windows) {
      if (!contents.isDestroyed()) contents.postMessage(CORE_PORT_CHANNEL, { kind: 'status', status });
    }
  }

  dispose(): void {
    this.options.ipcMain.removeAllListeners(CORE_CONNECT_CHANNEL);
    this.host = null;
    this.windows.clear();
  }

  private give(contents: PortReceiver): void {
    const host = this.host;
    if (!host) return;
    // Checked again at every hand-out: a window that left the app's page gets no new port.
    if (contents.isDestroyed() || !this.options.isTrustedUrl(contents.getURL())) {
      this.windows.delete(contents);
      return;
    }
    const { port1, port2 } = this.options.createChannel();
    host.connect(port1);
    contents.postMessage(CORE_PORT_CHANNEL, { kind: 'port' }, [port2]);
  }
}
