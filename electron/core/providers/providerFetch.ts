// The `fetch` every provider SDK is given: undici's own fetch on one connection pool for the
// process, so calls to the same server reuse their connections across providers and rebuilt
// registries. Node's built-in fetch is undici too, but it ends a call that has waited 300 s for
// its headers or between two chunks, while the runner times calls itself (silence and an overall
// cap, Settings, runner/callLimits.ts) and a slow local model may rightly be given longer. This
// pool has no timeouts of its own: every call ends through its signal.
import { Agent, fetch as undiciFetch } from 'undici';

let shared: typeof fetch | null = null;

export function providerFetch(): typeof fetch {
  if (!shared) {
    const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
    // undici's Request and Response are the platform's in all but name; the SDKs use them as such.
    shared = ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) => undiciFetch(input, { ...init, dispatcher })) as unknown as typeof fetch;
  }
  return shared;
}
