// App lifecycle, and nothing else: open the workspace core, expose it over IPC, show one hardened
// window. Every decision lives in the module it belongs to; this file only wires them together.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, screen, session, shell } from 'electron';
import { toErrorData, WorkbenchError } from '../../shared/errors';
import { APP_INDEX_URL, APP_ORIGIN, handleAppProtocol, registerAppSchemeAsPrivileged } from './appProtocol';
import { registerIpc } from './ipc';
import { workspaceFlag } from './launchArgs';
import { keychainSecretStore } from './keychainSecrets';
import { installApplicationMenu } from './menu';
import { electronSqliteBinding } from './nativeBinding';
import { openCore, type WorkbenchCore } from '../core/core';
import { resolveWorkspaceDir } from '../core/workspace/location';
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

let core: WorkbenchCore | undefined;
let disposeIpc: (() => void) | undefined;
let mainWindow: BrowserWindow | undefined;

function describeOpenFailure(error: unknown, workspaceDir: string, nativeBinding: string | undefined): string {
  if (error instanceof WorkbenchError) return `${error.message}\n\nWorkspace: ${workspaceDir}`;
  const hint = nativeBinding
    ? ''
    : '\n\nThe SQLite library built for Electron is missing. Run `node scripts/ensure-electron-sqlite.js` and start again.';
  return `${toErrorData(error).message}\n\nWorkspace: ${workspaceDir}${hint}`;
}

async function openWorkspaceCore(): Promise<WorkbenchCore | undefined> {
  const workspaceDir = resolveWorkspaceDir({ flag: workspaceFlag(process.argv), env: process.env, home: os.homedir() });
  const nativeBinding = electronSqliteBinding({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    electronVersion: process.versions.electron,
  });
  try {
    return await openCore({
      workspaceDir,
      starterDir: path.join(app.getAppPath(), 'prompts'),
      create: true,
      watch: true,
      nativeBinding,
      secrets: keychainSecretStore(app.getPath('userData'), safeStorage),
    });
  } catch (error) {
    // A locked, corrupt or foreign folder is reported once and the app exits: no crash loop.
    dialog.showErrorBox(OPEN_FAILED_TITLE, describeOpenFailure(error, workspaceDir, nativeBinding));
    return undefined;
  }
}

/** Only the app's own pages receive events (a window that somehow left the app gets nothing). */
function appWebContents() {
  return BrowserWindow.getAllWindows()
    .map((window) => window.webContents)
    .filter((contents) => !contents.isDestroyed() && isAppUrl(contents.getURL(), trustedOrigins));
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
  core = await openWorkspaceCore();
  if (!core) {
    app.quit();
    return;
  }
  disposeIpc = registerIpc({
    ipcMain,
    core,
    isTrustedSender: (frame) => isAppUrl(frame.url, trustedOrigins),
    eventTargets: appWebContents,
  });
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
    // Close the database cleanly (WAL checkpoint) before the process goes; then quit for real.
    core = undefined;
    disposeIpc?.();
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
