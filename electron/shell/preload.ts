// Runs in the sandboxed renderer before the page. It exposes exactly one object, `window.workbench`,
// whose functions are the contract's methods plus `on`; the page never sees ipcRenderer, a channel
// name or a generic invoke. Bundled to CommonJS (sandboxed preloads cannot load ES modules or
// anything from node_modules), so it imports only 'electron' and code that gets bundled in.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, createWorkbenchBridge } from './bridgeClient';

const bridge = createWorkbenchBridge({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (channel, listener) => {
    // The page gets the payload only: the IpcRendererEvent carries `sender`, which is ipcRenderer.
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
});

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
