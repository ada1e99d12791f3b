import { defaultSettings } from '../../shared/settings';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { api, type WorkbenchApi } from '../../shared/api';
import { ipcChannel, method, methodNames, type Contract } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { WorkbenchError } from '../../shared/errors';
import { EventBus } from '../core/eventBus';
import { registerContractIpc, registerIpc, type InvokeEvent, type IpcHandlerRegistry, type SenderFrame } from './ipc';

// ipc.ts never imports Electron at runtime; the mock is a guard in case that ever changes.
vi.mock('electron', () => ({}));

type Listener = (event: InvokeEvent, rawInput: unknown) => Promise<Envelope<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const registry: IpcHandlerRegistry = {
    handle: vi.fn((channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
  };
  const invoke = (channel: string, frame: SenderFrame | null, input: unknown) => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: frame }, input);
  };
  return { registry, handlers, invoke };
}

const workspace = { path: '/w', name: 'w', branch: 'main', head: null, databasePath: '/w/.workbench/db', schemaVersion: 1 };
const summary = { name: 'summarize', description: 'Summarise', model: 'ollama/llama3.2', dirty: false, caseCount: 2, problems: [] };

/** Every contract method, failing unless a test fakes it, so a growing contract needs no edits here. */
function unfakedApi(): WorkbenchApi {
  const entries = methodNames(api).map((name) => [name, vi.fn(async () => Promise.reject(new WorkbenchError('INTERNAL', `${name} is not faked`)))]);
  return Object.fromEntries(entries) as unknown as WorkbenchApi;
}

function fakeCore() {
  const coreApi = {
    ...unfakedApi(),
    getWorkspace: vi.fn<WorkbenchApi['getWorkspace']>(async () => workspace),
    listPrompts: vi.fn<WorkbenchApi['listPrompts']>(async () => [summary]),
    getPrompt: vi.fn<WorkbenchApi['getPrompt']>(async ({ name }) => {
      throw new WorkbenchError('NOT_FOUND', `There is no prompt named "${name}".`);
    }),
    getSettings: vi.fn<WorkbenchApi['getSettings']>(async () => ({ theme: 'system' as const, author: null })),
    setSetting: vi.fn<WorkbenchApi['setSetting']>(async (update) => ({ ...defaultSettings, theme: update.key === 'theme' ? update.value : 'system' })),
  } satisfies WorkbenchApi;
  return { api: coreApi, events: new EventBus(api) };
}

const APP_FRAME: SenderFrame = { url: 'app://workbench/index.html', parent: null };
const isTrustedSender = (frame: SenderFrame) => frame.url.startsWith('app://workbench/');

function setup() {
  const ipc = fakeIpcMain();
  const core = fakeCore();
  const target = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
  const gone = { send: vi.fn(), isDestroyed: vi.fn(() => true) };
  const dispose = registerIpc({ ipcMain: ipc.registry, core, isTrustedSender, eventTargets: () => [target, gone] });
  return { ...ipc, core, target, gone, dispose };
}

afterEach(() => vi.restoreAllMocks());

describe('registerIpc', () => {
  it('registers exactly one handler per contract method, on the derived channel', () => {
    const { handlers, registry } = setup();
    const expected = methodNames(api).map((name) => ipcChannel.method(name));
    expect([...handlers.keys()].sort()).toEqual([...expected].sort());
    expect(registry.handle).toHaveBeenCalledTimes(expected.length);
  });

  it.each([
    ['no frame (navigated away or destroyed)', null],
    ['a child frame of the app', { url: 'app://workbench/index.html', parent: APP_FRAME }],
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
  ])('refuses %s with FORBIDDEN and does not call the core', async (_label, frame) => {
    const { invoke, core } = setup();
    const reply = await invoke(ipcChannel.method('listPrompts'), frame, {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.api.listPrompts).not.toHaveBeenCalled();
  });

  it('refuses bad input with BAD_INPUT naming the field, without calling the core', async () => {
    const { invoke, core } = setup();
    const reply = await invoke(ipcChannel.method('getPrompt'), APP_FRAME, { name: 42 });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('BAD_INPUT');
    expect(reply.error.message).toContain('name');
    expect(core.api.getPrompt).not.toHaveBeenCalled();
  });

  it('returns the core data in an envelope, passing the parsed input', async () => {
    const { invoke, core } = setup();
    expect(await invoke(ipcChannel.method('listPrompts'), APP_FRAME, {})).toEqual({ ok: true, data: [summary] });
    expect(await invoke(ipcChannel.method('setSetting'), APP_FRAME, { key: 'theme', value: 'dark' })).toEqual({
      ok: true,
      data: { ...defaultSettings, theme: 'dark' },
    });
    expect(core.api.setSetting).toHaveBeenCalledWith({ key: 'theme', value: 'dark' });
  });

  it('turns a thrown WorkbenchError into error data', async () => {
    const { invoke } = setup();
    const reply = await invoke(ipcChannel.method('getPrompt'), APP_FRAME, { name: 'nope' });
    expect(reply).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no prompt named "nope".' } });
  });

  it('reports output that breaks the contract as INTERNAL', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { invoke, core } = setup();
    core.api.getWorkspace.mockResolvedValueOnce({ ...workspace, schemaVersion: 'one' } as never);
    const reply = await invoke(ipcChannel.method('getWorkspace'), APP_FRAME, {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('forwards core events to live targets only', () => {
    const { core, target, gone } = setup();
    core.events.emit('promptsChanged', { names: ['summarize'] });
    expect(target.send).toHaveBeenCalledWith(ipcChannel.event('promptsChanged'), { names: ['summarize'] });
    expect(gone.send).not.toHaveBeenCalled();
  });

  it('removes every handler and the event subscription when disposed', () => {
    const { dispose, handlers, core, target } = setup();
    dispose();
    expect(handlers.size).toBe(0);
    core.events.emit('promptsChanged', { names: [] });
    expect(target.send).not.toHaveBeenCalled();
  });
});

describe('registerContractIpc', () => {
  it('works for any contract', async () => {
    const contract = {
      methods: { double: method(z.object({ n: z.number() }), z.number()) },
      events: { ticked: z.object({ at: z.number() }) },
    } satisfies Contract;
    const ipc = fakeIpcMain();
    const events = new EventBus(contract);
    const target = { send: vi.fn(), isDestroyed: () => false };
    registerContractIpc({
      ipcMain: ipc.registry,
      contract,
      implementation: { double: async ({ n }) => n * 2 },
      events,
      isTrustedSender,
      eventTargets: () => [target],
    });
    expect([...ipc.handlers.keys()]).toEqual([ipcChannel.method('double')]);
    expect(await ipc.invoke(ipcChannel.method('double'), APP_FRAME, { n: 21 })).toEqual({ ok: true, data: 42 });
    events.emit('ticked', { at: 1 });
    expect(target.send).toHaveBeenCalledWith(ipcChannel.event('ticked'), { at: 1 });
  });
});
