// Group commit for finished samples. Answers that arrive in the same turn of the event loop are
// written in one transaction at the end of that turn (setImmediate), well under a millisecond after
// they finished; one commit per sample would cost more than the call itself on a fast local server.
// A cancel flushes first (see runExecutor), so no finished answer is dropped by it.
//
// While another process holds the database's write lock, the answers wait here, in memory, and the
// calls go on: the batch is written as soon as the lock is free (`waitForLock`), with whatever
// arrived meanwhile right after it. A cancel made while they wait may reach the database first:
// those samples are then cancelled with the rest, and a resume samples them again.
import { isBusy } from '../store/lockWait';
import type { PendingSample, RunStore, SampleOutcome } from '../store/runStore';

export interface SampleWriter {
  add(sample: PendingSample, outcome: SampleOutcome): void;
  /** Writes whatever is waiting, now, unless a write is already waiting for the lock. */
  flush(): void;
  /** Resolves once everything added is written; rejects with the failure that stopped the writing. */
  drain(): Promise<void>;
  /** Why writing stopped (a full disk, a lock held too long); null while it works. */
  readonly failure: unknown;
}

type Entry = { sample: PendingSample; outcome: SampleOutcome };

export function sampleWriter(
  store: RunStore,
  announce: (sample: PendingSample, outcome: SampleOutcome) => void,
  waitForLock: <T>(write: () => T) => Promise<T>,
): SampleWriter {
  let batch: Entry[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  let waiting: Promise<void> | null = null;
  let failure: unknown = null;
  const write = (entries: readonly Entry[]) => {
    store.recordSamples(entries.map(({ sample, outcome }) => ({ sampleId: sample.sampleId, outcome })));
    for (const { sample, outcome } of entries) announce(sample, outcome);
  };
  const flush = () => {
    if (scheduled !== null) clearImmediate(scheduled);
    scheduled = null;
    if (batch.length === 0 || waiting !== null || failure !== null) return;
    const entries = batch;
    batch = [];
    try {
      write(entries);
    } catch (error) {
      if (!isBusy(error)) {
        failure = error;
        return;
      }
      waiting = waitForLock(() => write(entries)).then(
        () => {
          waiting = null;
          flush();
        },
        (error: unknown) => {
          waiting = null;
          failure = error;
        },
      );
    }
  };
  return {
    add(sample, outcome) {
      batch.push({ sample, outcome });
      if (waiting === null) scheduled ??= setImmediate(flush);
    },
    flush,
    async drain() {
      for (;;) {
        if (failure !== null) throw failure;
        if (waiting !== null) await waiting;
        else if (batch.length > 0) flush();
        else return;
      }
    },
    get failure() {
      return failure;
    },
  };
}
