// Entry point of the core host process (bundled as coreHost.js beside the app's main.js and beside
// the CLI's workbench.js). Started by the desktop app as an Electron utility process, where it talks
// over `process.parentPort`, or by `workbench serve` with child_process.fork, over Node's IPC channel.
import { runCoreHost } from './coreHost';
import { forkedParentConnection, utilityParentConnection, type ParentPortLike } from './hostConnection';

const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
const parent = parentPort ? utilityParentConnection(parentPort) : forkedParentConnection(process);
if (!parent) {
  console.error('The core process is started by the app or by `workbench serve`; it cannot run on its own.');
  process.exit(2);
}

const host = runCoreHost(parent, { exit: (code) => process.exit(code) });
process.on('uncaughtException', (error) => host.fatal(error));
process.on('unhandledRejection', (error) => host.fatal(error));
// Ctrl+C reaches every process of the terminal's group: the launcher closes the host in order
// (it stops taking requests first), so the host does not act on SIGINT itself.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => void host.close());
