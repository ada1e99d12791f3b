// The desktop app's core host: an Electron utility process (Electron's Node, so the Electron build
// of better-sqlite3), talking to main over its parentPort. The only part of the app that differs
// from `workbench serve`, which forks the same host with Node (electron/server/forkedCoreHost.ts).
import { utilityProcess, type MessagePortMain } from 'electron';
import type { HostExit, HostProcess } from '../core/host/hostSupervisor';

export interface UtilityCoreHost extends HostProcess {
  /** Gives the host one end of a window's channel; the window gets the other (corePorts.ts). */
  connect(port: MessagePortMain): void;
}

export function forkUtilityCoreHost(entry: string): UtilityCoreHost {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Prompt Workbench core', stdio: 'inherit' });
  const exitListeners: ((exit: HostExit) => void)[] = [];
  let exited: HostExit | null = null;
  child.once('exit', (code) => {
    // Electron reports the exit code only; a signal shows as a code, as waitpid gives it.
    exited = { code, signal: null };
    for (const listener of exitListeners) listener(exited);
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => child.postMessage(message),
    connect: (port) => child.postMessage({ kind: 'connect' }, [port]),
    onMessage: (listener) => void child.on('message', listener),
    onExit(listener) {
      if (exited) listener(exited);
      else exitListeners.push(listener);
    },
    kill() {
      // utilityProcess.kill() asks politely (SIGTERM); this is for a host that did not close in time.
      if (child.pid === undefined) return void child.kill();
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    },
  };
}
