// One call through the contract, the same for every transport: validate the input, run the
// implementation, validate the output, and return an envelope. Failures are data, never throws.
import type { Contract, ImplementationOf } from '../../shared/contract';
import { formatZodError, toErrorData, type Envelope } from '../../shared/errors';

export async function dispatch<C extends Contract>(
  contract: C,
  implementation: ImplementationOf<C>,
  name: string,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  const spec = Object.hasOwn(contract.methods, name) ? contract.methods[name] : undefined;
  if (!spec) return { ok: false, error: { code: 'NOT_FOUND', message: `There is no method named "${name}".` } };
  const input = spec.input.safeParse(rawInput ?? {});
  if (!input.success) return { ok: false, error: { code: 'BAD_INPUT', message: formatZodError(input.error) } };
  let result: unknown;
  try {
    const run = implementation[name as keyof C['methods']] as (input: unknown) => Promise<unknown>;
    result = await run(input.data);
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
  const output = spec.output.safeParse(result);
  if (!output.success) {
    // The core broke its own contract: a bug, reported as such rather than blamed on the caller.
    return { ok: false, error: { code: 'INTERNAL', message: `"${name}" returned data that does not match the contract: ${formatZodError(output.error)}` } };
  }
  return { ok: true, data: output.data };
}

/** An envelope as JSON text, and whether it is an answer (true) or a refusal, without reading it. */
export interface EnvelopeText {
  ok: boolean;
  json: string;
}

/**
 * What a transport needs from the core: calls answered by envelope, and every event. The core host
 * process serves it in-process (localEndpoint); its launcher offers the same over the process boundary.
 */
export interface CoreEndpoint {
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** The envelope as JSON text, when the endpoint has it already written (a core in another process). */
  callText?(method: string, input: unknown): Promise<EnvelopeText>;
  onAny(listener: (event: string, payload: unknown) => void): () => void;
}

export function localEndpoint<C extends Contract>(
  contract: C,
  implementation: ImplementationOf<C>,
  events: Pick<CoreEndpoint, 'onAny'>,
): CoreEndpoint {
  return { call: (name, input) => dispatch(contract, implementation, name, input), onAny: (listener) => events.onAny(listener) };
}
