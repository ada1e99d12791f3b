// The Electron preload script exposes exactly one typed bridge, built from the contract, as
// `window.workbench`: one function per method resolving with an envelope, plus `on`. In browser mode it is absent and the HTTP client is used instead.
import type { Api } from '../../shared/api';
import type { EnvelopeBridgeOf } from '../../shared/envelopeClient';

declare global {
  interface Window {
    readonly workbench?: EnvelopeBridgeOf<Api>;
  }
}

export {};
