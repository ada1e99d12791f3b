// A provider address that cannot be used at all ("not a url", ftp://…, a typo in OPENAI_BASE_URL).
// Every call would fail inside the SDK as "Invalid URL" or "unknown scheme", reported as an
// unreadable answer or a network error and retried. Instead the provider refuses every call at
// once, saying which setting to fix; nothing is sent.
import { parameterRules } from '../../../shared/parameterRules';
import type { ProviderKind } from '../../../shared/providers';
import type { ModelProvider, ProviderFailure } from './provider';
import { ProviderFailureError } from './provider';
import { displayAddress } from './secretRedaction';

export interface AddressOrigin {
  label: string;
  address: string;
  /** Where the address came from; an environment variable is named in the message. */
  variable: string | null;
  example: string;
}

/** Why `address` cannot be used, or null when it is an http(s) address. */
export function addressProblem({ label, address, variable, example }: AddressOrigin): string | null {
  let protocol: string | null = null;
  try {
    protocol = new URL(address).protocol;
  } catch {
    // Not a URL at all.
  }
  if (protocol === 'http:' || protocol === 'https:') return null;
  const where = variable ? variable : 'Settings';
  return `The address of ${label}, "${displayAddress(address)}", is not an http(s) address. Give a full address such as ${example} in ${where}.`;
}

export function unusableProvider(meta: { id: string; kind: ProviderKind; label: string }, message: string): ModelProvider {
  const failure: ProviderFailure = { kind: 'bad_request', message, status: null, retryAfterMs: null };
  return {
    ...meta,
    rules: parameterRules[meta.kind],
    complete: async () => ({ ok: false, failure, latencyMs: 0, sent: {} }),
    listModels: async () => {
      throw new ProviderFailureError(failure);
    },
    embed: async () => ({ ok: false, failure }),
  };
}
