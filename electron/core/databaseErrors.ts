// SQLite can fail at any query, not only at open: a page damaged after the header is found when a
// query reads it, and another process's lock when a write needs it. Every method of the contract
// answers such a failure as the error a person can act on (DB_CORRUPT, DB_BUSY, DB_LOCKED) rather
// than INTERNAL, for both transports and the command line alike: wrapped once, for every method.

type Methods = Record<string, (input: never) => Promise<unknown>>;

export function explainingDatabaseErrors<T extends Methods>(methods: T, explain: (error: unknown) => unknown): T {
  const wrapped: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [name, method] of Object.entries(methods)) {
    const call = method as (input: unknown) => Promise<unknown>;
    wrapped[name] = async (input) => {
      try {
        return await call(input);
      } catch (error) {
        throw explain(error);
      }
    };
  }
  // The same methods with the same signatures: only what they throw is translated.
  return wrapped as unknown as T;
}
