// The command line's process and its surroundings: output nobody reads any more (`workbench export
// … | head`, a closed terminal) and errors that escape every command (an 'error' event, a promise
// nobody awaited). Either would otherwise end the process with Node's stack trace.
import { describeUnexpectedFailure } from './unexpectedFailure';

type Write = (text: string) => void;

interface OutputStream {
  write(text: string): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  readonly destroyed: boolean;
}

/** Writers for stdout and stderr that fall silent once their reader has gone, instead of crashing the command. */
export function guardOutputStreams(proc: { stdout: OutputStream; stderr: OutputStream }): { stdout: Write; stderr: Write } {
  return { stdout: guarded(proc.stdout), stderr: guarded(proc.stderr) };
}

function guarded(stream: OutputStream): Write {
  let open = true;
  // EPIPE and the like: there is no one left to tell, and the command still finishes its work (a
  // run keeps its samples) rather than dying half-way.
  stream.on('error', () => {
    open = false;
  });
  return (text) => {
    if (!open || stream.destroyed) return;
    try {
      stream.write(text);
    } catch {
      open = false;
    }
  };
}

interface CrashingProcess {
  env: NodeJS.ProcessEnv;
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  exit(code: number): never;
}

/** An error that escaped every command: one line (see unexpectedFailure), then exit 1. */
export function reportCrashes(proc: CrashingProcess, write: Write): void {
  const crash = (error: unknown) => {
    for (const line of describeUnexpectedFailure(error, proc.env)) write(`${line}\n`);
    proc.exit(1);
  };
  proc.on('uncaughtException', crash);
  proc.on('unhandledRejection', crash);
}
