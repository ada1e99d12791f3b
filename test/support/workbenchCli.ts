// Runs the real `workbench` command (bin/workbench.js) as a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The starter library that seeds every new workspace. */
export const starterDir = path.join(repoRoot, 'prompts');
/** The `workbench` program. */
export const bin = path.join(repoRoot, 'bin', 'workbench.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runWorkbench(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface RunningCommand {
  child: ChildProcess;
  /** Resolves when the command exits; stdout and stderr so far are always readable. */
  done: Promise<CliResult>;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Starts `workbench` without blocking this process, for tests whose fake provider servers run
 * in-process (spawnSync would freeze them) or that kill the command part way.
 */
export function startWorkbench(args: string[], env: NodeJS.ProcessEnv = {}): RunningCommand {
  const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
  return {
    child,
    done,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

export interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `workbench serve` and resolves once it prints the address with the token. `env`, when
 * given, is the child's whole environment (so a test can leave variables out, not only add them).
 */
export function serveWorkbench(
  workspace: string,
  extraArgs: string[] = ['--port', '0'],
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServeProcess> {
  const args = ['serve', '--workspace', workspace, ...extraArgs];
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`workbench serve printed no address within 60 s:\n${output}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const [, url, port, token] = match as unknown as [string, string, string, string];
      resolve({
        url,
        origin: `http://127.0.0.1:${port}`,
        token,
        port: Number(port),
        child,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`workbench serve exited with ${code}:\n${output}`)));
  });
}
