// Turns envelope-returning calls into the typed client the UI uses. Both transports return
// envelopes (errors as data: `{ok:false,error:{code,message}}`), because Electron's contextBridge
// drops an Error's own properties, and HTTP has no exceptions at all. One piece unwraps for both.
import { z } from 'zod';
import { eventNames, methodNames, type ClientOf, type Contract, type EventListener } from './contract';
import { ErrorData, WorkbenchError, formatZodError, type Envelope } from './errors';

export interface EnvelopeTransport {
  /** Calls a method and resolves with its envelope (any shape; it is checked here). */
  call(method: string, input: unknown): Promise<unknown>;
  /** Subscribes to an event's raw payloads; returns an unsubscribe function. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/** What crosses the Electron bridge: per-method functions resolving with envelopes, plus `on`. */
export type EnvelopeBridgeOf<C extends Contract> = {
  [K in keyof C['methods']]: (input: z.input<C['methods'][K]['input']>) => Promise<Envelope<z.input<C['methods'][K]['output']>>>;
} & { readonly on: (event: string, listener: (payload: unknown) => void) => () => void };

const EnvelopeShape = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.unknown() }),
]);

export function createEnvelopeClient<C extends Contract>(contract: C, transport: EnvelopeTransport): ClientOf<C> {
  const client: Record<string, unknown> = {};
  for (const name of methodNames(contract)) {
    const spec = contract.methods[name];
    if (!spec || name === 'on') throw new Error(`A contract method cannot be named "${name}".`);
    client[name] = async (input: unknown) => {
      const envelope = EnvelopeShape.safeParse(await transport.call(name, input ?? {}));
      if (!envelope.success) {
        throw new WorkbenchError('UNAVAILABLE', `The answer to "${name}" could not be read; the app and its core may be different versions.`);
      }
      if (!envelope.data.ok) throw toWorkbenchError(envelope.data.error);
      const output = spec.output.safeParse(envelope.data.data);
      if (!output.success) {
        throw new WorkbenchError('INTERNAL', `The answer to "${name}" does not match the contract: ${formatZodError(output.error)}.`);
      }
      return output.data;
    };
  }
  const known = new Set<string>(eventNames(contract));
  const on: EventListener<C> = (event, listener) => {
    // Only contract events, and only payloads that match them.
    const schema = known.has(event) ? contract.events[event] : undefined;
    if (!schema) throw new WorkbenchError('BAD_INPUT', `There is no event named "${event}". Known events: ${[...known].join(', ')}.`);
    return transport.subscribe(event, (raw) => {
      const payload = schema.safeParse(raw);
      if (payload.success) listener(payload.data as Parameters<typeof listener>[0]);
      else console.warn(`Ignored a "${event}" event that does not match the contract: ${formatZodError(payload.error)}`);
    });
  };
  client.on = on;
  // Assembled from the contract's own names, which is exactly what ClientOf<C> describes.
  return Object.freeze(client) as unknown as ClientOf<C>;
}

function toWorkbenchError(error: unknown): WorkbenchError {
  const data = ErrorData.safeParse(error);
  if (data.success) return WorkbenchError.fromData(data.data);
  // A code this build does not know yet: keep the message, which is what a person needs.
  const message = z.object({ message: z.string() }).safeParse(error);
  return new WorkbenchError('INTERNAL', message.success ? message.data.message : 'The app reported an error without a message.');
}
