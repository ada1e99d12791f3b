// How a call reaches the core, before any checking: the preload bridge inside Electron (a
// MessagePort straight to the core's process), HTTP in a browser (`workbench serve`).
import { httpCall, type RawCall } from './httpCall';

type Bridge = NonNullable<Window['workbench']>;

/** Calls through the desktop app's preload bridge, which resolves with envelopes. */
function bridgeCall(bridge: Bridge): RawCall {
  return (name, input) => (bridge[name as keyof Bridge] as (input: unknown) => Promise<unknown>)(input);
}

/** The call this page has: the bridge's, or HTTP to the server that served it. */
export function coreCall(): RawCall {
  return window.workbench ? bridgeCall(window.workbench) : httpCall(window.fetch.bind(window));
}
