// A stand-in for the 'electron' module, for testing how the main process is wired (main.ts) where
// Electron cannot run: `vi.mock('electron', () => import('…/fakeElectron'))`. It records what main
// does (processes forked, messages posted, windows opened, dialogs shown) and lets a test play the
// core's utility process and the windows' preloads.
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';

export class FakeWebContents extends EventEmitter {
  url = 'app://workbench/index.html';
  readonly posted: { channel: string; message: unknown; transfer: unknown[] }[] = [];
  destroyed = false;
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(): void {}
  postMessage(channel: string, message: unknown, transfer: unknown[] = []): void {
    this.posted.push({ channel, message, transfer });
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.all;
  }
  readonly webContents = new FakeWebContents();
  constructor(readonly options: unknown) {
    super();
    BrowserWindow.all.push(this);
  }
  loadURL(): Promise<void> {
    return Promise.resolve();
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }
  isMaximized(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  maximize(): void {}
  show(): void {}
  restore(): void {}
  focus(): void {}
}

export class FakeUtilityProcess extends EventEmitter {
  static readonly forked: { entry: string; options: unknown; process: FakeUtilityProcess }[] = [];
  readonly posted: { message: unknown; transfer?: unknown[] }[] = [];
  /** None: main must never signal a real process from a test. */
  pid: number | undefined = undefined;
  killed = false;
  postMessage(message: unknown, transfer?: unknown[]): void {
    this.posted.push({ message, transfer });
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

export const utilityProcess = {
  fork(entry: string, _args: string[], options: unknown): FakeUtilityProcess {
    const child = new FakeUtilityProcess();
    FakeUtilityProcess.forked.push({ entry, options, process: child });
    return child;
  },
};

let channels = 0;
export class MessageChannelMain {
  readonly port1 = { port: ++channels, end: 1 };
  readonly port2 = { port: channels, end: 2 };
}

export const userData = path.join(os.tmpdir(), `workbench-fake-electron-${process.pid}-${Date.now()}`);

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  quitCalls: 0,
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  getAppPath: () => '/app',
  getPath: () => userData,
  quit() {
    app.quitCalls += 1;
  },
});

export const ipcMain = new EventEmitter();

export const dialog = {
  errors: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    dialog.errors.push({ title, content });
  },
};

/** Reversible, so a test can tell an encrypted file from a plain one. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`),
  decryptString: (buffer: Buffer) => [...buffer.toString().slice(4)].reverse().join(''),
};

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const session = { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } };
export const shell = { openExternal: () => Promise.resolve() };
export const protocol = { registerSchemesAsPrivileged: () => undefined, handle: () => undefined, unhandle: () => undefined };
export const Menu = { setApplicationMenu: () => undefined, buildFromTemplate: (template: unknown) => template };
export const nativeTheme = { shouldUseDarkColors: false };
