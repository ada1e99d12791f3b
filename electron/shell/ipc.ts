// The contract over Electron IPC: one `ipcMain.handle` per method, channel names derived from the
// contract, every call checked for who sent it, and core events pushed to the app's windows.
// The per-call work (validate, run, validate, envelope) is dispatch.ts, shared with the HTTP server.
import { api } from '../../shared/api';
import { ipcChannel, methodNames, type Contract, type ImplementationOf } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { dispatch } from '../core/dispatch';
import type { WorkbenchCore } from '../core/core';

/** What we read from `event.senderFrame`; Electron's WebFrameMain satisfies it. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The two ipcMain methods we use; Electron's ipcMain satisfies it, and tests pass a recorder. */
export interface IpcHandlerRegistry {
  handle(channel: string, listener: (event: InvokeEvent, rawInput: unknown) => Promise<Envelope<unknown>>): void;
  removeHandler(channel: string): void;
}

/** Where events go; Electron's WebContents satisfies it. */
export interface EventReceiver {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export interface EventFeed {
  onAny(listener: (event: string, payload: unknown) => void): () => void;
}

export interface ContractIpcOptions<C extends Contract> {
  ipcMain: IpcHandlerRegistry;
  contract: C;
  implementation: ImplementationOf<C>;
  events: EventFeed;
  /** Decides from the frame's URL whether it is the app's own page (see window.ts isAppUrl). */
  isTrustedSender: (frame: SenderFrame) => boolean;
  /** The web contents that should receive events, looked up at the moment an event fires. */
  eventTargets: () => readonly EventReceiver[];
}

const forbidden: Envelope<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: 'This request did not come from the Prompt Workbench window, so it was refused.',
  },
};

/**
 * Only the top frame of the app's own page may call in. A null frame means it navigated away or
 * was destroyed mid-call; a child frame could be anything the page embedded. Either is refused.
 */
export function checkSender(event: InvokeEvent, isTrustedSender: (frame: SenderFrame) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedSender(frame);
}

/** Generic over any contract, so nothing here knows a method or event name. Returns a disposer. */
export function registerContractIpc<C extends Contract>(options: ContractIpcOptions<C>): () => void {
  const { ipcMain, contract, implementation, events, isTrustedSender, eventTargets } = options;
  const channels = methodNames(contract).map((name) => {
    const channel = ipcChannel.method(name);
    ipcMain.handle(channel, async (event, rawInput) => {
      try {
        if (!checkSender(event, isTrustedSender)) return forbidden;
        const envelope = await dispatch(contract, implementation, name, rawInput);
        // A bug in the core shows up as INTERNAL; keep a trace where developers look for one.
        if (!envelope.ok && envelope.error.code === 'INTERNAL') console.error(`${name}: ${envelope.error.message}`);
        return envelope;
      } catch (error) {
        // dispatch does not throw, but a handler that rejects would reach the renderer as an
        // exception with Electron's wrapper text; errors must cross as data.
        console.error(`${name} failed unexpectedly:`, error);
        return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong while running ${name}.` } };
      }
    });
    return channel;
  });

  const unsubscribe = events.onAny((name, payload) => {
    const channel = ipcChannel.event(name);
    for (const target of eventTargets()) {
      if (!target.isDestroyed()) target.send(channel, payload);
    }
  });

  return () => {
    unsubscribe();
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

export interface RegisterIpcOptions {
  ipcMain: IpcHandlerRegistry;
  core: Pick<WorkbenchCore, 'api' | 'events'>;
  isTrustedSender: (frame: SenderFrame) => boolean;
  eventTargets: () => readonly EventReceiver[];
}

/** The app's contract over IPC: one line that exposes the core, as in VS Code's layering. */
export function registerIpc(options: RegisterIpcOptions): () => void {
  return registerContractIpc({
    ipcMain: options.ipcMain,
    contract: api,
    implementation: options.core.api,
    events: options.core.events,
    isTrustedSender: options.isTrustedSender,
    eventTargets: options.eventTargets,
  });
}
