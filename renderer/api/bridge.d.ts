// The Electron preload script exposes exactly one typed client, built from the contract,
// as `window.workbench`. In browser mode it is absent and the HTTP client is used instead.
import type { WorkbenchClient } from '../../shared/api';

declare global {
  interface Window {
    readonly workbench?: WorkbenchClient;
  }
}

export {};
