// Runs in the sandboxed renderer before the page. It exposes exactly one object, `window.workbench`,
// whose functions are the contract's methods plus `on`; the page never sees ipcRenderer, the port
// to the core, a channel name or a generic invoke. Calls go straight to the core's process over a
// MessagePort that main hands out (corePortClient.ts), not through main. Bundled to CommonJS
// (sandboxed preloads cannot load ES modules or anything from node_modules), so it imports only
// 'electron' and code that gets bundled in.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, createWorkbenchBridge } from './bridgeClient';
import { connectToCore } from './corePortClient';

const core = connectToCore({
  send: (channel) => ipcRenderer.send(channel),
  // The listener gets the ports and the message only: the IpcRendererEvent's `sender` is ipcRenderer.
  on: (channel, listener) => void ipcRenderer.on(channel, (event, message: unknown) => listener({ ports: event.ports }, message)),
});

const bridge = createWorkbenchBridge({
  invoke: (method, input) => core.call(method, input),
  subscribe: (event, listener) =>
    core.onAny((name, payload) => {
      if (name === event) listener(payload);
    }),
});

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
