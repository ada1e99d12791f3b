// How fast the run store records finished samples one row at a time (recordSample, each its own
// transaction): 20,000 samples in batches of 5,000, the best batch reported, so a busy machine
// measures the store rather than its neighbours. The runner writes a turn's samples in one
// transaction (sampleWriter.ts); this is the floor under that.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { expandSamples } from '../../electron/core/runner/sampleMatrix';
import { openWorkspaceDatabase } from '../../electron/core/store/database';
import type { SampleOutcome } from '../../electron/core/store/runStore';
import { makeTempDir, removeDir } from '../support/tempDir';
import { testPlan } from '../support/testRunFixture';

const TARGET_PER_SECOND = 5_000;
const BATCH = 5_000;

const outcome: SampleOutcome = {
  status: 'ok',
  output: 'x'.repeat(200),
  error: null,
  finishReason: 'stop',
  inputTokens: 10,
  outputTokens: 5,
  latencyMs: 12.5,
  ttftMs: 3,
  costUsd: 0.001,
  params: { model: 'm1', temperature: 0, seed: 7 },
  attempts: 1,
  startedAt: '2025-01-01T00:00:00.000Z',
  finishedAt: '2025-01-01T00:00:01.000Z',
};

/** Printable lines; the caller prints them. */
export function benchStore(): string[] {
  const dir = makeTempDir('workbench-store-bench-');
  const db = openWorkspaceDatabase(path.join(dir, '.workbench', 'workbench.db'));
  try {
    const cases = ['a', 'b'];
    const plan = testPlan({ models: ['alpha/m1', 'beta/m2'], temperatures: [0, 0.5, 1, 1.5, 2], samples: 1000 }, cases);
    const runId = db.runs.create(plan, expandSamples(plan.request, cases), process.pid);
    const pending = db.runs.pending(runId);
    let perSecond = 0;
    for (let start = 0; start < pending.length; start += BATCH) {
      const started = performance.now();
      for (const sample of pending.slice(start, start + BATCH)) db.runs.recordSample(sample.sampleId, outcome);
      perSecond = Math.max(perSecond, BATCH / ((performance.now() - started) / 1000));
    }
    const recorded = db.runs.summary(runId)?.ok ?? 0;
    const pass = perSecond >= TARGET_PER_SECOND && recorded === pending.length;
    return [
      `run store, one sample per transaction: best ${Math.round(perSecond).toLocaleString('en')} updates/s over ${recorded.toLocaleString('en')} samples (target ≥ ${TARGET_PER_SECOND.toLocaleString('en')}/s): ${pass ? 'PASS' : 'FAIL'}`,
    ];
  } finally {
    db.close();
    removeDir(dir);
  }
}
