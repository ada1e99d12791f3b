// The core in a process of its own, the same whoever launched it: the desktop app's main process
// (an Electron utility process) or `workbench serve` (a forked Node process). The launcher sends
// `open`; from then on the host answers contract calls from every connection with dispatch.ts
// envelopes and forwards the contract's events to the connections that asked for them. Nothing
// here knows what carries a message (see hostConnection.ts).
import { api } from '../../../shared/api';
import { toErrorData, type Envelope } from '../../../shared/errors';
import { openCore, type WorkbenchCore } from '../core';
import { dispatch } from '../dispatch';
import { resolveWorkspaceDir } from '../workspace/location';
import { forwardedSecretStore } from './forwardedSecrets';
import type { HostConnection } from './hostConnection';
import { isLauncherMessage, resultMessage, type CallMessage, type HostMessage, type HostOpenOptions } from './hostProtocol';

export interface CoreHostOptions {
  exit: (code: number) => void;
  env?: NodeJS.ProcessEnv;
}

export interface CoreHost {
  /** An error nothing caught: tell the launcher what it was, then exit (the launcher starts a new host). */
  fatal(error: unknown): void;
  /** Close the core cleanly and exit (the launcher asked, its channel closed, or SIGTERM). */
  close(): Promise<void>;
}

/** Exit code of a host that died of an error nothing caught (EX_SOFTWARE). */
export const FATAL_EXIT_CODE = 70;

const notOpen: Envelope<never> = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'The workspace is not open in this core process; restart the app.' },
};

export function runCoreHost(parent: HostConnection, options: CoreHostOptions): CoreHost {
  const env = options.env ?? process.env;
  let settle!: (core: WorkbenchCore | null) => void;
  const opened = new Promise<WorkbenchCore | null>((resolve) => (settle = resolve));
  let openRequested = false;
  let closing: Promise<void> | null = null;
  const subscribers = new Set<HostConnection>();
  let stopForwarding: (() => void) | null = null;

  function post(connection: HostConnection, message: HostMessage, sent?: () => void): void {
    try {
      connection.post(message, sent);
    } catch {
      // The other end is gone (a window closed mid-call); nobody is left to answer.
      sent?.();
    }
  }

  async function open(request: HostOpenOptions): Promise<void> {
    if (openRequested) return;
    openRequested = true;
    const workspaceDir = resolveWorkspaceDir({ flag: request.workspaceDir, env });
    try {
      const secrets = forwardedSecretStore(request.secrets, (name, value) => post(parent, { kind: 'storeSecret', name, value }));
      const core = await openCore({
        workspaceDir,
        starterDir: request.starterDir,
        create: request.create,
        watch: request.watch,
        nativeBinding: request.nativeBinding,
        secrets,
        env,
      });
      settle(core);
      forwardEvents(core);
      post(parent, { kind: 'ready', workspacePath: core.workspace.path });
    } catch (error) {
      settle(null);
      post(parent, { kind: 'openFailed', workspaceDir, error: toErrorData(error) });
    }
  }

  async function answer(connection: HostConnection, call: CallMessage): Promise<void> {
    const core = await opened;
    const envelope = core ? await dispatch(api, core.api, call.method, call.input) : notOpen;
    // A bug in the core shows up as INTERNAL; keep a trace where developers look for one.
    if (!envelope.ok && envelope.error.code === 'INTERNAL') console.error(`${call.method}: ${envelope.error.message}`);
    post(connection, resultMessage(call.id, envelope));
  }

  /** Events are gathered only while someone listens: a run skips what only a live grid would want otherwise. */
  function forwardEvents(core: WorkbenchCore | null): void {
    if (!core || stopForwarding || subscribers.size === 0) return;
    stopForwarding = core.events.onAny((event, payload) => {
      for (const subscriber of subscribers) post(subscriber, { kind: 'event', event, payload });
    });
  }

  function unsubscribe(connection: HostConnection): void {
    subscribers.delete(connection);
    if (subscribers.size > 0 || !stopForwarding) return;
    stopForwarding();
    stopForwarding = null;
  }

  function serve(connection: HostConnection, isParent: boolean): void {
    connection.onMessage((message, connections) => {
      if (!isLauncherMessage(message)) return;
      switch (message.kind) {
        case 'call':
          return void answer(connection, message);
        case 'subscribe':
          subscribers.add(connection);
          return void opened.then(forwardEvents);
        case 'open':
          if (isParent) void open(message.options);
          return;
        case 'close':
          if (isParent) void close();
          return;
        case 'connect':
          // Only the launcher hands out connections (a window's port, in the desktop app).
          if (isParent) for (const added of connections) serve(added, false);
          return;
      }
    });
    connection.onClose(() => {
      unsubscribe(connection);
      // Without its launcher the host has no one to serve: close the workspace properly and go.
      if (isParent) void close();
    });
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      if (!openRequested) settle(null);
      const core = await opened;
      try {
        await core?.close();
      } catch (error) {
        console.error('Closing the workspace failed:', error);
      }
      options.exit(0);
    })();
    return closing;
  }

  serve(parent, true);
  return {
    fatal(error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`The core process stopped on an error nothing caught:\n${message}`);
      let exited = false;
      const exit = () => {
        if (exited) return;
        exited = true;
        options.exit(FATAL_EXIT_CODE);
      };
      post(parent, { kind: 'fatal', message: toErrorData(error).message }, exit);
      // Exit even if the message cannot leave.
      setTimeout(exit, 1000).unref();
    },
    close,
  };
}
