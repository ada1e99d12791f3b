// The headers of an answer, read straight from the record undici has already parsed. A standard
// Headers checks and copies every header on the way in, and a Response copies them once more:
// several microseconds per answer, paid thousands of times a second by a sweep on a local model
// while the process is still warming up. These are a server's, already parsed, and like a fetch
// answer's headers they are immutable. It is a Headers, so `instanceof` checks in the SDKs hold.

type RawHeaders = Record<string, string | string[] | undefined>;

/** The platform class, so `instanceof Headers` holds; every method it has is replaced below. */
const PlatformHeaders = Headers as unknown as new () => object;

/** Headers over a record undici has parsed; typed as the Headers it is at run time. */
export function receivedHeaders(raw: RawHeaders): Headers {
  return new ReceivedHeaders(raw) as unknown as Headers;
}

class ReceivedHeaders extends PlatformHeaders {
  /** Lowercase name → value, repeated headers joined with ", " as the standard does. */
  readonly #values = new Map<string, string>();
  readonly #cookies: string[] = [];
  #sorted: [string, string][] | null = null;

  constructor(raw: RawHeaders) {
    super();
    for (const name in raw) {
      const value = raw[name];
      if (value === undefined) continue;
      const key = name.toLowerCase();
      const text = typeof value === 'string' ? value : value.join(', ');
      if (key === 'set-cookie') this.#cookies.push(...(typeof value === 'string' ? [value] : value));
      const before = this.#values.get(key);
      this.#values.set(key, before === undefined ? text : `${before}, ${text}`);
    }
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  getSetCookie(): string[] {
    return [...this.#cookies];
  }

  set(): void {
    throw new TypeError('the headers of a received answer are immutable');
  }

  append(): void {
    this.set();
  }

  delete(): void {
    this.set();
  }

  entries(): IterableIterator<[string, string]> {
    return this.#pairs().values();
  }

  keys(): IterableIterator<string> {
    return this.#pairs()
      .map(([name]) => name)
      .values();
  }

  values(): IterableIterator<string> {
    return this.#pairs()
      .map(([, value]) => value)
      .values();
  }

  forEach(callback: (value: string, name: string, parent: unknown) => void, thisArg?: unknown): void {
    for (const [name, value] of this.#pairs()) callback.call(thisArg, value, name, this);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  /** In the standard's order: sorted by name, each Set-Cookie on its own. */
  #pairs(): [string, string][] {
    if (this.#sorted === null) {
      const sorted: [string, string][] = [];
      for (const name of [...this.#values.keys()].sort()) {
        if (name === 'set-cookie') for (const cookie of this.#cookies) sorted.push([name, cookie]);
        else sorted.push([name, this.#values.get(name) as string]);
      }
      this.#sorted = sorted;
    }
    return this.#sorted;
  }
}
