// How main wires the app, with Electron replaced by test/support/fakeElectron.ts: it starts the core
// in a utility process and opens it with the workspace, the Electron build of SQLite (when there is
// one) and the keys it decrypts; it hands windows ports to that process and restarts it when it dies.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { HostOpenOptions, LauncherMessage } from '../core/host/hostProtocol';
import { CORE_CONNECT_CHANNEL, CORE_PORT_CHANNEL } from './coreChannels';

vi.mock('electron', () => import('../../test/support/fakeElectron'));
const electron = await import('../../test/support/fakeElectron');
const { BrowserWindow, FakeUtilityProcess, ipcMain, userData } = electron;

afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

const hosts = () => FakeUtilityProcess.forked.map((fork) => fork.process);
const sent = (host: InstanceType<typeof FakeUtilityProcess>) => host.posted.map((entry) => entry.message as LauncherMessage);
const openOptions = (host: InstanceType<typeof FakeUtilityProcess>) => (sent(host).find((message) => message.kind === 'open') as { options: HostOpenOptions }).options;

// A key saved by an earlier session, encrypted as safeStorage would have.
fs.mkdirSync(userData, { recursive: true });
fs.writeFileSync(path.join(userData, 'provider-keys.json'), JSON.stringify({ openai: electron.safeStorage.encryptString('sk-saved').toString('base64') }));

await import('./main');

describe('main', () => {
  it('starts the core in a utility process beside main.js and opens the workspace with the saved keys', async () => {
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    const [fork] = FakeUtilityProcess.forked;
    expect(path.basename(fork?.entry ?? '')).toBe('coreHost.js');
    expect(path.dirname(fork?.entry ?? '')).toBe(path.dirname(new URL('./main.ts', import.meta.url).pathname));
    expect(openOptions(hosts()[0]!)).toEqual({
      workspaceDir: undefined,
      starterDir: path.join('/app', 'prompts'),
      create: true,
      watch: true,
      nativeBinding: undefined,
      secrets: { kind: 'keychain', values: { openai: 'sk-saved' } },
    });
    // No window until the core has opened the workspace.
    expect(BrowserWindow.all).toHaveLength(0);
    hosts()[0]!.emit('message', { kind: 'ready', workspacePath: '/home/ada/PromptWorkbench' });
    await vi.waitFor(() => expect(BrowserWindow.all).toHaveLength(1));
  });

  it("gives the window's preload a port whose other end goes to the core, and none to a frame that is not the app's", () => {
    const contents = BrowserWindow.all[0]!.webContents;
    ipcMain.emit(CORE_CONNECT_CHANNEL, { sender: contents, senderFrame: { url: 'https://example.com/', parent: null } });
    expect(contents.posted).toEqual([]);
    ipcMain.emit(CORE_CONNECT_CHANNEL, { sender: contents, senderFrame: { url: contents.url, parent: null } });
    const [toWindow] = contents.posted;
    expect(toWindow).toMatchObject({ channel: CORE_PORT_CHANNEL, message: { kind: 'port' } });
    const toCore = hosts()[0]!.posted.at(-1);
    expect(toCore?.message).toEqual({ kind: 'connect' });
    // The two ends of one channel.
    expect(toCore?.transfer?.[0]).toMatchObject({ port: (toWindow?.transfer[0] as { port: number }).port, end: 1 });
  });

  it('keeps a key set in the core encrypted on disk, and gives it to the next core', async () => {
    hosts()[0]!.emit('message', { kind: 'storeSecret', name: 'anthropic', value: 'sk-ant-typed' });
    const file = fs.readFileSync(path.join(userData, 'provider-keys.json'), 'utf8');
    expect(file).toContain('anthropic');
    expect(file).not.toContain('sk-ant-typed');

    const contents = BrowserWindow.all[0]!.webContents;
    hosts()[0]!.emit('exit', 9);
    expect(contents.posted.at(-1)).toMatchObject({ message: { kind: 'status', status: { state: 'restarting', message: expect.stringContaining('exit code 9') } } });
    await vi.waitFor(() => expect(hosts()).toHaveLength(2));
    expect(openOptions(hosts()[1]!).secrets).toEqual({ kind: 'keychain', values: { openai: 'sk-saved', anthropic: 'sk-ant-typed' } });

    hosts()[1]!.emit('message', { kind: 'ready', workspacePath: '/home/ada/PromptWorkbench' });
    await vi.waitFor(() => expect(contents.posted.at(-1)).toMatchObject({ message: { kind: 'status', status: { state: 'restarted' } } }));
    // The window got a port to the new core before being told it is back.
    expect(contents.posted.at(-2)).toMatchObject({ message: { kind: 'port' } });
    expect(hosts()[1]!.posted.at(-1)?.message).toEqual({ kind: 'connect' });
  });

  it('asks the core to close cleanly when the app quits, and quits once it has', async () => {
    const quitsBefore = electron.app.quitCalls;
    const prevented = vi.fn();
    electron.app.emit('will-quit', { preventDefault: prevented });
    expect(prevented).toHaveBeenCalled();
    expect(sent(hosts()[1]!).at(-1)).toEqual({ kind: 'close' });
    hosts()[1]!.emit('exit', 0);
    await vi.waitFor(() => expect(electron.app.quitCalls).toBe(quitsBefore + 1));
    // The app quitting is not a crash: nothing is restarted.
    expect(hosts()).toHaveLength(2);
  });
});
