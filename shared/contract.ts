// Generic pieces for declaring the UI <-> core contract once and deriving both
// transports (the core host's MessagePort or IPC channel, HTTP + WebSocket) and their typed clients from it.
import type { z } from 'zod';

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

export type MethodMap = Record<string, MethodSpec>;
export type EventMap = Record<string, z.ZodType>;

export interface Contract<M extends MethodMap = MethodMap, E extends EventMap = EventMap> {
  readonly methods: M;
  readonly events: E;
}

/** What the core implements: one async function per method, taking parsed input. */
export type ImplementationOf<C extends Contract> = {
  [K in keyof C['methods']]: (input: z.output<C['methods'][K]['input']>) => Promise<z.input<C['methods'][K]['output']>>;
};

/** What the renderer calls: the same methods, returning parsed output. */
export type MethodsClientOf<C extends Contract> = {
  [K in keyof C['methods']]: (input: z.input<C['methods'][K]['input']>) => Promise<z.output<C['methods'][K]['output']>>;
};

export type EventPayload<C extends Contract, K extends keyof C['events']> = z.output<C['events'][K]>;

export type EventListener<C extends Contract> = <K extends keyof C['events'] & string>(
  event: K,
  listener: (payload: EventPayload<C, K>) => void,
) => () => void;

/** A full client: every method plus `on(event, listener)` returning an unsubscribe function. */
export type ClientOf<C extends Contract> = MethodsClientOf<C> & { readonly on: EventListener<C> };

/** Names are derived from the contract and appear nowhere else. */
export function methodNames<C extends Contract>(contract: C): (keyof C['methods'] & string)[] {
  return Object.keys(contract.methods);
}

export function eventNames<C extends Contract>(contract: C): (keyof C['events'] & string)[] {
  return Object.keys(contract.events);
}

export const httpRoute = {
  method: (name: string) => `/api/${name}`,
  events: '/events',
} as const;
