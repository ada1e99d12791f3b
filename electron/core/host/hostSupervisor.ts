// Starts the core host and keeps one running: the launcher's side of hostProtocol.ts, shared by the
// desktop app's main process and `workbench serve`, which differ only in how they start a process
// (`spawn`). A host that stops unexpectedly is started again and the UI is told (the `coreStatus`
// event); calls it was answering fail with UNAVAILABLE, calls made meanwhile wait for the new one.
// A host that keeps dying right after it starts is given up on, with what happened, instead of
// being restarted for ever. Pure TypeScript (timers only): Electron's main process imports it.
import { WorkbenchError } from '../../../shared/errors';
import { createCoreClient, type CoreClient } from './hostClient';
import type { CoreStatus } from '../../../shared/workspace';
import { isHostMessage, type CoreStatusState, type HostOpenOptions, type LauncherMessage } from './hostProtocol';

export interface HostExit {
  code: number | null;
  signal: string | null;
}

/** One started host process; each launcher adapts its own kind (utilityProcess, child_process.fork). */
export interface HostProcess {
  readonly pid: number | undefined;
  send(message: LauncherMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: HostExit) => void): void;
  /** Ends it at once (a host that does not close in time, or failed to open). */
  kill(): void;
}

export interface SupervisorOptions<P extends HostProcess> {
  spawn(): P;
  /** Read at every start, so a restarted host gets the keys as they are now. */
  openOptions(): HostOpenOptions;
  /** A key set in Settings, for the launcher to keep. */
  keepSecret(name: string, value: string | null): void;
  /** How a person starts over when the host cannot be kept running ("Quit and reopen the app."). */
  restartAdvice: string;
  onStatus?(status: CoreStatus): void;
  /** Each host once it is ready, the first and every restarted one. */
  onReady?(host: P): void;
  /** Pause before each restart in a row of quick failures; one more quick failure and it gives up. */
  restartDelaysMs?: readonly number[];
}

const DEFAULT_DELAYS_MS = [0, 1000, 5000];
/** A host that ran this long before it stopped was not failing at start: the count starts over. */
const STABLE_AFTER_MS = 30_000;
/** How long a host may take to close the workspace (runs settle, the database checkpoints) before it is ended. */
const CLOSE_TIMEOUT_MS = 15_000;

export class HostSupervisor<P extends HostProcess = HostProcess> {
  /** Calls and events for whoever talks to the core through the launcher (`serve`'s HTTP server). */
  readonly client: CoreClient = createCoreClient();
  private current: P | null = null;
  private closing = false;
  private quickFailures = 0;
  private readyAt = 0;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: SupervisorOptions<P>) {}

  /** Starts the first host; rejects with the reason when it cannot open the workspace. */
  async start(): Promise<{ workspacePath: string }> {
    return { workspacePath: await this.launch() };
  }

  /** Closes the core cleanly (its runs become interrupted, the database is checkpointed), or ends it after the timeout. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.client.stop({ code: 'UNAVAILABLE', message: 'Prompt Workbench is closing.' });
    const host = this.current;
    if (!host) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => host.kill(), CLOSE_TIMEOUT_MS);
      host.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      host.send({ kind: 'close' });
    });
  }

  /** Starts a host and resolves with the workspace's path once it is ready. */
  private launch(): Promise<string> {
    const host = this.options.spawn();
    this.current = host;
    let ready = false;
    let fatal: string | null = null;
    let receive: ((message: unknown) => void) | null = null;
    return new Promise((resolve, reject) => {
      host.onMessage((message) => {
        if (!isHostMessage(message)) return;
        switch (message.kind) {
          case 'ready':
            ready = true;
            this.readyAt = Date.now();
            receive = this.client.connect((call) => host.send(call));
            this.options.onReady?.(host);
            return resolve(message.workspacePath);
          case 'openFailed':
            reject(new WorkbenchError(message.error.code, message.error.message, { workspaceDir: message.workspaceDir }));
            return host.kill();
          case 'storeSecret':
            return this.options.keepSecret(message.name, message.value);
          case 'fatal':
            fatal = message.message;
            return;
          default:
            receive?.(message);
        }
      });
      host.onExit((exit) => {
        if (this.current === host) this.current = null;
        const what = describeExit(exit, fatal);
        if (!ready) return reject(new WorkbenchError('UNAVAILABLE', `The core process stopped while opening the workspace (${what}).`, { stopped: what }));
        if (!this.closing) this.stoppedUnexpectedly(what);
      });
      host.send({ kind: 'open', options: this.options.openOptions() });
    });
  }

  private stoppedUnexpectedly(what: string): void {
    this.failedAgain(what, Date.now() - this.readyAt >= STABLE_AFTER_MS);
  }

  private failedAgain(what: string, afterStableRun: boolean): void {
    const delays = this.options.restartDelaysMs ?? DEFAULT_DELAYS_MS;
    this.quickFailures = afterStableRun ? 1 : this.quickFailures + 1;
    if (this.quickFailures > delays.length) {
      return this.giveUp(`The core process stopped ${this.quickFailures} times in a row shortly after starting (the last time: ${what}), so it is not started again. ${this.options.restartAdvice}`);
    }
    this.status('restarting', `The core process stopped unexpectedly (${what}) and is being started again.`);
    this.restartTimer = setTimeout(() => void this.restart(what), delays[this.quickFailures - 1] ?? 0);
  }

  private async restart(what: string): Promise<void> {
    this.restartTimer = null;
    if (this.closing) return;
    try {
      await this.launch();
      this.status('restarted', `The core process stopped unexpectedly (${what}) and was started again. Runs it was executing are interrupted: resume them from their review.`);
    } catch (error) {
      if (this.closing) return;
      const failure = launchFailure(error);
      if (failure.stopped === null) return this.giveUp(`The core process was restarted but could not open the workspace: ${failure.message} ${this.options.restartAdvice}`);
      this.failedAgain(failure.stopped, false);
    }
  }

  private giveUp(message: string): void {
    this.status('stopped', message);
  }

  /** The client fails or holds calls accordingly and tells its listeners; the launcher passes it on (to the app's windows). */
  private status(state: CoreStatusState, message: string): void {
    const status: CoreStatus = { state, message };
    this.client.applyStatus(status);
    this.options.onStatus?.(status);
  }
}

/** How a launch failed: the host stopped before it was ready (`stopped` says how), or it could not open the workspace. */
function launchFailure(error: unknown): { message: string; stopped: string | null } {
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof WorkbenchError ? (error.details as { stopped?: unknown } | undefined) : undefined;
  return { message, stopped: typeof details?.stopped === 'string' ? details.stopped : null };
}

export function describeExit(exit: HostExit, fatal: string | null = null): string {
  const how = exit.signal ? `ended by ${exit.signal}` : `exit code ${exit.code ?? 'unknown'}`;
  return fatal ? `${how}: ${fatal}` : how;
}
