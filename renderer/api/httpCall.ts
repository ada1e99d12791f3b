// One contract call over HTTP to `workbench serve`, resolving with the server's envelope as it came:
// the envelope client (shared/envelopeClient.ts) checks it. Apart from the transport, and free of
// the contract's schemas, so the page's first module can start a call (earlyCalls.ts).
import { httpRoute } from '../../shared/contract';
import type { Envelope, ErrorData } from '../../shared/errors';

export const LOST_CONTACT_MESSAGE =
  'Lost contact with the Prompt Workbench server — is `workbench serve` still running?';

/** A call by method name, resolving with the core's envelope, unchecked. */
export type RawCall = (name: string, input: unknown) => Promise<unknown>;

/** Calls over `fetchImpl`; a failure to reach the server becomes an UNAVAILABLE envelope. */
export function httpCall(fetchImpl: typeof fetch): RawCall {
  return async (name, input) => {
    try {
      const response = await fetchImpl(httpRoute.method(name), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
      const body: unknown = await response.json().catch(() => undefined);
      // An HTML error page, an empty body from a dying process, a proxy's complaint: not our server talking.
      return isEnvelopeLike(body) ? body : lostContact(response.status);
    } catch {
      return lostContact();
    }
  };
}

function isEnvelopeLike(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'ok' in body;
}

function lostContact(status?: number): Envelope<never> {
  const error: ErrorData = { code: 'UNAVAILABLE', message: LOST_CONTACT_MESSAGE };
  return { ok: false, error: status === undefined ? error : { ...error, details: { status } } };
}
