// App lifecycle, and nothing else: start the core in its own process, broker the windows' ports
// to it, show one hardened window. Main keeps the window, the menu, dialogs and safeStorage; the
// workspace, the database, git and the runner live in the core's utility process, so nothing they
// do can stall the thread that handles windows and menus. Every decision lives in the module it
// belongs to; this file only wires them together.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, MessageChannelMain, safeStorage, screen, session, shell, type MessagePortMain } from 'electron';
import { toErrorData, WorkbenchError } from '../../shared/errors';
import { HostSupervisor } from '../core/host/hostSupervisor';
import { APP_INDEX_URL, APP_ORIGIN, handleAppProtocol, registerAppSchemeAsPrivileged } from './appProtocol';
import { CorePorts } from './corePorts';
import { workspaceFlag } from './launchArgs';
import { keychainSecretStore } from './keychainSecrets';
import { installApplicationMenu } from './menu';
import { electronSqliteBinding } from './nativeBinding';
import { forkUtilityCoreHost, type UtilityCoreHost } from './utilityCoreHost';
import { createMainWindow, guardWebContents, hardenSession, isAppUrl, originOf } from './window';
import { fitToDisplays, loadWindowState, MIN_SIZE, trackWindowState } from './windowState';

const OPEN_FAILED_TITLE = 'Prompt Workbench could not open the workspace';
const here = path.dirname(fileURLToPath(import.meta.url)); // dist/electron
const isDev = !app.isPackaged;
// Only an unpackaged app may load a dev server: a shipped app must never put its bridge on a page
// chosen by an environment variable.
const devServerUrl = isDev ? process.env.VITE_DEV_SERVER_URL : undefined;
const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
const trustedOrigins: readonly string[] = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];

let core: HostSupervisor<UtilityCoreHost> | undefined;
let ports: CorePorts<MessagePortMain> | undefined;
let mainWindow: BrowserWindow | undefined;

function describeOpenFailure(error: unknown, nativeBinding: string | undefined): string {
  const details = error instanceof WorkbenchError ? (error.details as { workspaceDir?: string } | undefined) : undefined;
  const data = toErrorData(error);
  const where = details?.workspaceDir ? `\n\nWorkspace: ${details.workspaceDir}` : '';
  // A failure that is not about the workspace, with no Electron build of SQLite, is most likely that.
  const hint =
    nativeBinding || data.code !== 'INTERNAL'
      ? ''
      : '\n\nThe SQLite library built for Electron is missing. Run `node scripts/ensure-electron-sqlite.js` and start again.';
  return `${data.message}${where}${hint}`;
}

/** Starts the core's process and resolves once it has opened the workspace; undefined when it could not. */
async function startCore(): Promise<HostSupervisor<UtilityCoreHost> | undefined> {
  const nativeBinding = electronSqliteBinding({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    electronVersion: process.versions.electron,
  });
  const secrets = keychainSecretStore(app.getPath('userData'), safeStorage);
  const brokers = new CorePorts<MessagePortMain>({
    ipcMain,
    createChannel: () => new MessageChannelMain(),
    isTrustedUrl: (url) => isAppUrl(url, trustedOrigins),
  });
  const supervisor = new HostSupervisor<UtilityCoreHost>({
    spawn: () => forkUtilityCoreHost(path.join(here, 'coreHost.js')),
    openOptions: () => ({
      workspaceDir: workspaceFlag(process.argv),
      starterDir: path.join(app.getAppPath(), 'prompts'),
      create: true,
      watch: true,
      nativeBinding,
      secrets: secrets.snapshot(),
    }),
    keepSecret: (name, value) => secrets.set(name, value),
    restartAdvice: 'Quit Prompt Workbench and open it again.',
    onReady: (host) => brokers.hostReady(host),
    onStatus: (status) => {
      if (status.state !== 'restarted') console.error(status.message);
      brokers.status(status);
    },
  });
  try {
    await supervisor.start();
  } catch (error) {
    // A locked, corrupt or foreign folder is reported once and the app exits: no crash loop.
    brokers.dispose();
    dialog.showErrorBox(OPEN_FAILED_TITLE, describeOpenFailure(error, nativeBinding));
    return undefined;
  }
  ports = brokers;
  return supervisor;
}

function openMainWindow(): void {
  const stateDir = app.getPath('userData');
  const saved = fitToDisplays(
    loadWindowState(stateDir),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = createMainWindow({
    preloadPath: path.join(here, 'preload.cjs'),
    startUrl: devServerUrl ?? APP_INDEX_URL,
    trustedOrigins,
    bounds: { x: saved.x, y: saved.y, width: saved.width, height: saved.height },
    maximized: saved.maximized,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
  });
  trackWindowState(window, stateDir);
  window.on('closed', () => {
    mainWindow = undefined;
  });
  mainWindow = window;
}

async function onReady(): Promise<void> {
  hardenSession(session.defaultSession, trustedOrigins);
  handleAppProtocol(path.join(app.getAppPath(), 'dist', 'renderer'));
  installApplicationMenu(process.platform, isDev);
  core = await startCore();
  if (!core) {
    app.quit();
    return;
  }
  openMainWindow();
}

function start(): void {
  // Chromium fixes privileged schemes at startup, so this must precede 'ready'.
  registerAppSchemeAsPrivileged();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Belt and braces: whatever web contents come to exist (devtools aside), the same rules apply.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { trustedOrigins, openExternal: (url) => shell.openExternal(url) });
  });

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', (event) => {
    const closing = core;
    if (!closing) return;
    // The core closes the database cleanly (WAL checkpoint) before the app goes; then quit for real.
    core = undefined;
    ports?.dispose();
    event.preventDefault();
    closing
      .close()
      .catch((error: unknown) => console.error('Closing the workspace failed:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      dialog.showErrorBox('Prompt Workbench could not start', toErrorData(error).message);
      app.quit();
    });
}

// A second copy would open the same SQLite database and git repo; hand over to the first instead.
if (app.requestSingleInstanceLock()) start();
else app.quit();
