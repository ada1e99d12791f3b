// `workbench serve`'s core host: a Node process started with child_process.fork, talking over its
// IPC channel. The only part of browser mode that differs from the desktop app, which starts the
// same host as an Electron utility process (electron/shell/utilityCoreHost.ts).
import { fork } from 'node:child_process';
import type { HostExit, HostProcess } from '../core/host/hostSupervisor';

export interface HostEntry {
  /** coreHost.js beside the CLI bundle, or core/host/coreHostMain.ts when running from the sources. */
  file: string;
  /** Node options for the host (`--import tsx` for the sources). */
  execArgv: readonly string[];
}

export function forkCoreHost(entry: HostEntry, env: NodeJS.ProcessEnv): HostProcess {
  const child = fork(entry.file, [], {
    execArgv: [...entry.execArgv],
    env,
    // The host's warnings and errors appear in serve's own output.
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Messages cross as structured clones, as they do over the desktop app's MessagePorts: a large
    // answer (a run's samples) goes over without being written and read back as JSON text.
    serialization: 'advanced',
  });
  const exitListeners: ((exit: HostExit) => void)[] = [];
  let exited: HostExit | null = null;
  const settle = (exit: HostExit) => {
    if (exited) return;
    exited = exit;
    for (const listener of exitListeners) listener(exit);
  };
  child.once('exit', (code, signal) => settle({ code, signal }));
  // Only when the process could not be started at all is there no 'exit' to follow.
  child.once('error', (error) => {
    if (child.pid === undefined) {
      console.error(`The core process could not be started: ${error.message}`);
      settle({ code: null, signal: null });
    }
  });
  return {
    pid: child.pid,
    send(message) {
      // A host that just died has a closed channel; its exit is handled where it is reported.
      if (child.connected) child.send(message, () => undefined);
    },
    onMessage: (listener) => void child.on('message', listener),
    onExit(listener) {
      if (exited) listener(exited);
      else exitListeners.push(listener);
    },
    kill: () => void child.kill('SIGKILL'),
  };
}
