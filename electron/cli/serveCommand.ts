import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { WorkbenchError } from '../../shared/errors';
import { HostSupervisor } from '../core/host/hostSupervisor';
import { forkCoreHost } from '../server/forkedCoreHost';
import { startServer } from '../server/server';
import { UsageError, flag, integerOption, type Command } from './command';
import { appRoot, coreHostEntry, rendererDir, starterDir, workspaceDirFrom } from './paths';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Open the app in a browser: serve it on 127.0.0.1 with a one-time token',
  usage: 'workbench serve [--port N] [--open] [--workspace DIR]',
  options: { port: { type: 'string', short: 'p' }, open: { type: 'boolean' } },
  async run(args, { stdout, stderr, env, stopSignal }) {
    if (args.positionals.length > 0) throw new UsageError(`serve takes no arguments, got "${args.positionals[0]}"`);
    const port = integerOption(args, 'port', 0, 65535) ?? 4780;
    await ensureRendererBuilt(stderr);
    // The core runs in a process of its own, as in the desktop app; keys typed into Settings are
    // kept here for the session, so a restarted core still has them.
    const keys = new Map<string, string>();
    const entry = coreHostEntry();
    const workspaceDir = workspaceDirFrom(args, env);
    const core = new HostSupervisor({
      spawn: () => forkCoreHost(entry, env),
      openOptions: () => ({ workspaceDir, starterDir, create: true, watch: true, secrets: { kind: 'session', values: Object.fromEntries(keys) } }),
      keepSecret: (name, value) => (value === null ? keys.delete(name) : keys.set(name, value)),
      restartAdvice: 'Stop `workbench serve` and start it again.',
      onStatus: (status) => stderr(`workbench serve: ${status.message}`),
    });
    const opened = await core.start().catch(async (error: unknown) => {
      await core.close();
      throw error;
    });
    try {
      const server = await startServer({ core: core.client, rendererDir, port }).catch(
        (error: unknown) => {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE') {
            throw new WorkbenchError('BAD_INPUT', `Port ${port} is already in use. Choose another with --port N (0 picks a free one).`);
          }
          if (code === 'EACCES') {
            throw new WorkbenchError('BAD_INPUT', `Port ${port} needs administrator rights. Choose one above 1023 with --port N (0 picks a free one).`);
          }
          throw error;
        },
      );
      stdout(`Prompt Workbench is serving ${opened.workspacePath}`);
      stdout(`Open ${server.url}`);
      stdout('Press Ctrl+C to stop.');
      if (flag(args, 'open')) openInBrowser(server.url);
      await stopSignal;
      await server.close();
      return 0;
    } finally {
      await core.close();
    }
  },
};

/** `npx workbench serve` works right after `npm install`: build the renderer once if it is missing. */
async function ensureRendererBuilt(log: (text: string) => void): Promise<void> {
  if (fs.existsSync(path.join(rendererDir, 'index.html'))) return;
  log('Building the app for the browser (first run only)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(appRoot, 'vite.config.ts'), logLevel: 'warn' });
}

function openInBrowser(url: string): void {
  const [command, ...args] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : ['xdg-open', url];
  try {
    const child = spawn(command as string, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // Opening a browser is a convenience; the address is printed either way.
  }
}
