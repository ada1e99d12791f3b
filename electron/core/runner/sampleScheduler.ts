// Per-provider concurrency: each provider gets its own queue and exactly `limit` workers pulling from
// it, so a provider never has more calls in flight than its limit while different providers run side
// by side. Workers pull by cursor (no per-sample promises waiting for a slot, no array shifting), which
// keeps the scheduling cost per sample constant however long the run.

export interface ProviderQueue<T> {
  /** Items in the order they should start. */
  items: readonly T[];
  /** Calls in flight at once for this provider (at least 1). */
  limit: number;
  /** When aborted, this queue's workers take nothing more (a cancel, or the provider refused the key). */
  signal: AbortSignal;
  work: (item: T) => Promise<void>;
}

/** Let timers and I/O in every so many items, in case a provider answers without ever yielding. */
const YIELD_EVERY = 64;

export async function runProviderQueues<T>(queues: readonly ProviderQueue<T>[]): Promise<void> {
  await Promise.all(queues.map((queue) => runQueue(queue)));
}

async function runQueue<T>(queue: ProviderQueue<T>): Promise<void> {
  let cursor = 0;
  const worker = async () => {
    let sinceYield = 0;
    while (cursor < queue.items.length && !queue.signal.aborted) {
      const item = queue.items[cursor++] as T;
      await queue.work(item);
      if (++sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  };
  const workers = Math.max(1, Math.min(Math.floor(queue.limit), queue.items.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
