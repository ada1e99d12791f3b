// Group commit for finished samples. Answers that arrive in the same turn of the event loop are
// written in one transaction at the end of that turn (setImmediate), well under a millisecond after
// they finished; one commit per sample would cost more than the call itself on a fast local server.
// A cancel flushes first (see runExecutor), so no finished answer is dropped by it.
import type { PendingSample, RunStore, SampleOutcome } from '../store/runStore';

export interface SampleWriter {
  add(sample: PendingSample, outcome: SampleOutcome): void;
  /** Writes whatever is waiting, now. */
  flush(): void;
}

export function sampleWriter(store: RunStore, announce: (sample: PendingSample, outcome: SampleOutcome) => void): SampleWriter {
  let batch: { sample: PendingSample; outcome: SampleOutcome }[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  const flush = () => {
    if (scheduled !== null) clearImmediate(scheduled);
    scheduled = null;
    if (batch.length === 0) return;
    const entries = batch;
    batch = [];
    store.recordSamples(entries.map(({ sample, outcome }) => ({ sampleId: sample.id, outcome })));
    for (const { sample, outcome } of entries) announce(sample, outcome);
  };
  return {
    add(sample, outcome) {
      batch.push({ sample, outcome });
      scheduled ??= setImmediate(flush);
    },
    flush,
  };
}
