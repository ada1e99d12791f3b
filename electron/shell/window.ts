// The main window and the rules every web page in the app lives under. The renderer shows model
// output, which is untrusted text; if anything ever renders it as markup, these settings are what
// keep it from reaching Node, other origins, new windows or new pages.
import { BrowserWindow, dialog, nativeTheme, shell } from 'electron';
import type { BrowserWindowConstructorOptions, Session, WebContents, WebPreferences } from 'electron';
import { APP_ORIGIN } from './appProtocol';

export const DARK_BACKGROUND = '#16181d';
export const LIGHT_BACKGROUND = '#f7f7f8';

/** The renderer gets the preload's bridge and nothing else: no Node, no webviews, no mixed content. */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    // Spellcheck would send nothing anywhere, but it underlines prompt text that is not prose.
    spellcheck: false,
  };
}

/**
 * `scheme://host[:port]`, computed by hand: WHATWG `URL.origin` is "null" for non-special schemes
 * such as `app:`, which would make every custom-scheme URL look alike.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** True when `url` belongs to the app itself (the app scheme, or the Vite dev server in dev). */
export function isAppUrl(url: string, trustedOrigins: readonly string[] = [APP_ORIGIN]): boolean {
  const origin = originOf(url);
  return origin !== null && trustedOrigins.includes(origin);
}

/** Only web links leave the app, and only to the OS browser; `file:`, `javascript:`, custom schemes never do. */
export function isExternalHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export interface GuardOptions {
  trustedOrigins: readonly string[];
  openExternal: (url: string) => Promise<void>;
}

/** The part of WebContents the guard touches; the real one satisfies it. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Applied to the main window and, through `web-contents-created`, to any web contents at all:
 * no navigation away from the app, no new windows (links open in the OS browser), no webviews.
 */
export function guardWebContents(contents: GuardedContents, options: GuardOptions): void {
  const { trustedOrigins, openExternal } = options;
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalHttpUrl(url)) {
      openExternal(url).catch((error: unknown) => console.warn(`Could not open ${url} in the browser:`, error));
    }
    return { action: 'deny' };
  });
}

/**
 * The app needs no camera, microphone, notifications, geolocation and so on. The one permission it
 * grants is writing to the clipboard (copy buttons), and only to its own pages.
 */
export function isAllowedPermission(permission: string, requestingUrl: string, trustedOrigins: readonly string[]): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl, trustedOrigins);
}

export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, trustedOrigins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isAllowedPermission(permission, details.requestingUrl, trustedOrigins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, requestingOrigin, trustedOrigins),
  );
}

export function windowBackground(dark: boolean): string {
  return dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
}

export interface MainWindowDeps {
  preloadPath: string;
  /** Where the window starts: `app://workbench/index.html`, or the dev server URL in dev. */
  startUrl: string;
  trustedOrigins: readonly string[];
  /** Saved size and position (see windowState.ts). */
  bounds?: Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height'>;
  /** Restore a maximized window maximized (done before showing, so it does not jump). */
  maximized?: boolean;
  minWidth?: number;
  minHeight?: number;
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new BrowserWindow({
    ...deps.bounds,
    minWidth: deps.minWidth,
    minHeight: deps.minHeight,
    title: 'Prompt Workbench',
    // Painted before the page loads, so the first frame is not a white flash in a dark theme.
    backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    show: false,
    webPreferences: hardenedWebPreferences(deps.preloadPath),
  });
  guardWebContents(window.webContents, {
    trustedOrigins: deps.trustedOrigins,
    openExternal: (url) => shell.openExternal(url),
  });
  askBeforeDroppingEdits(window);
  window.once('ready-to-show', () => {
    if (deps.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(deps.startUrl).catch((error: unknown) => {
    console.error(`Could not load ${deps.startUrl}:`, error);
  });
  return window;
}

/**
 * The page refuses to unload while it holds edits it has not saved (renderer/app/leaveGuard.ts).
 * A browser asks the person then; Electron only tells main, and would otherwise keep the window
 * open without a word. So main asks, and lets the window go if they choose to leave.
 */
export function askBeforeDroppingEdits(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave without saving', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Leave without saving?',
      message: 'Leave without saving?',
      detail: 'Some edits in this window are not saved. If you leave now, they are lost.',
    });
    if (choice === 0) event.preventDefault();
  });
}
