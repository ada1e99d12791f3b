import { beforeEach, describe, expect, it, vi } from 'vitest';

// A recording stand-in for Electron: the real module would try to download the Electron binary.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  class FakeWebContents {
    readonly listeners = new Map<string, Listener[]>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }
  class FakeBrowserWindow {
    static instances: FakeBrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly onceListeners = new Map<string, () => void>();
    readonly show = vi.fn();
    readonly maximize = vi.fn();
    readonly loadURL = vi.fn(async (_url: string) => {});
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.instances.push(this);
    }
    once(event: string, listener: () => void) {
      this.onceListeners.set(event, listener);
      return this;
    }
  }
  return {
    FakeBrowserWindow,
    nativeTheme: { shouldUseDarkColors: true },
    openExternal: vi.fn(async (_url: string) => {}),
    showMessageBoxSync: vi.fn((_window: unknown, _options: { buttons: string[] }) => 1),
  };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeBrowserWindow,
  dialog: { showMessageBoxSync: fake.showMessageBoxSync },
  nativeTheme: fake.nativeTheme,
  shell: { openExternal: fake.openExternal },
}));

import { createMainWindow, hardenedWebPreferences, isAllowedPermission, isAppUrl, isExternalHttpUrl } from './window';

const APP = 'app://workbench';

function openWindow(extra: { maximized?: boolean } = {}) {
  createMainWindow({ preloadPath: '/app/preload.cjs', startUrl: `${APP}/index.html`, trustedOrigins: [APP], ...extra });
  const window = fake.FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

beforeEach(() => {
  fake.FakeBrowserWindow.instances.length = 0;
  fake.openExternal.mockClear();
});

describe('hardenedWebPreferences', () => {
  it('turns on every isolation flag and passes the preload through', () => {
    expect(hardenedWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    });
  });
});

describe('createMainWindow', () => {
  it('creates a hidden, themed window with hardened preferences and shows it when ready', () => {
    const window = openWindow();
    expect(window.options).toMatchObject({ show: false, backgroundColor: '#16181d' });
    expect(window.options.webPreferences).toEqual(hardenedWebPreferences('/app/preload.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith(`${APP}/index.html`);
    expect(window.show).not.toHaveBeenCalled();
    window.onceListeners.get('ready-to-show')?.();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('uses the light background in a light theme and restores a maximized window', () => {
    fake.nativeTheme.shouldUseDarkColors = false;
    const window = openWindow({ maximized: true });
    fake.nativeTheme.shouldUseDarkColors = true;
    expect(window.options.backgroundColor).toBe('#f7f7f8');
    window.onceListeners.get('ready-to-show')?.();
    expect(window.maximize).toHaveBeenCalledOnce();
  });

  it.each(['will-navigate', 'will-redirect'])('%s: blocks foreign URLs and allows the app', (eventName) => {
    const { webContents } = openWindow();
    const foreign = navigationEvent('https://evil.example/phish');
    webContents.emit(eventName, foreign);
    expect(foreign.preventDefault).toHaveBeenCalled();

    const lookalike = navigationEvent('app://workbench.evil/index.html');
    webContents.emit(eventName, lookalike);
    expect(lookalike.preventDefault).toHaveBeenCalled();

    const own = navigationEvent(`${APP}/prompts/summarize`);
    webContents.emit(eventName, own);
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('asks before a page holding unsaved edits is closed or reloaded, and lets it go only on "Leave"', () => {
    const window = openWindow();
    const stay = { preventDefault: vi.fn() };
    fake.showMessageBoxSync.mockReturnValueOnce(1);
    window.webContents.emit('will-prevent-unload', stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
    expect(fake.showMessageBoxSync.mock.calls[0]?.[1].buttons).toEqual(['Leave without saving', 'Stay']);
    const leave = { preventDefault: vi.fn() };
    fake.showMessageBoxSync.mockReturnValueOnce(0);
    window.webContents.emit('will-prevent-unload', leave);
    expect(leave.preventDefault).toHaveBeenCalled();
  });

  it('blocks webviews', () => {
    const { webContents } = openWindow();
    const event = { preventDefault: vi.fn() };
    webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and sends only http(s) links to the OS browser', () => {
    const { webContents } = openWindow();
    const open = (url: string) => webContents.windowOpenHandler?.({ url });
    expect(open('https://ollama.com/library')).toEqual({ action: 'deny' });
    expect(open('http://localhost:11434/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open(`${APP}/index.html`)).toEqual({ action: 'deny' });
    expect(fake.openExternal.mock.calls).toEqual([['https://ollama.com/library'], ['http://localhost:11434/']]);
  });
});

describe('URL predicates', () => {
  it('isAppUrl compares scheme and host exactly', () => {
    expect(isAppUrl('app://workbench/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', [APP, 'http://localhost:5173'])).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', [APP, 'http://localhost:5173'])).toBe(false);
  });

  it('isExternalHttpUrl accepts only http and https', () => {
    expect(isExternalHttpUrl('https://example.com')).toBe(true);
    expect(isExternalHttpUrl('HTTP://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://workbench/', 'smb://host/share', '']) {
      expect(isExternalHttpUrl(url)).toBe(false);
    }
  });

  it('grants only clipboard writes, and only to the app', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', `${APP}/index.html`, [APP])).toBe(true);
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://evil.example/', [APP])).toBe(false);
    expect(isAllowedPermission('media', `${APP}/index.html`, [APP])).toBe(false);
  });
});
