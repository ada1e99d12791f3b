// A run while another connection holds the database's write lock (a real SQLite lock on the same
// file): the calls go on, the finished samples wait in memory, and they are written once the lock
// is free; nothing is lost and nothing crashes the process.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRunner, testPlan, until, type TestRunner } from '../../../test/support/testRunFixture';
import { TestProvider } from '../../../test/support/testProvider';

let runner: TestRunner | undefined;
let holder: Database.Database | undefined;
afterEach(async () => {
  if (holder?.inTransaction) holder.prepare('ROLLBACK').run();
  holder?.close();
  holder = undefined;
  await runner?.dispose();
  runner = undefined;
});

describe('RunManager while another connection holds the write lock', () => {
  it('keeps finished samples until the lock is free, then writes every one and finishes the run', async () => {
    const alpha = new TestProvider('alpha', { latencyMs: 20 });
    runner = createTestRunner([alpha], { alpha: 2 });
    const { runId } = await runner.manager.start(testPlan({ samples: 12 }));
    await until(() => (runner?.database.runs.summary(runId)?.ok ?? 0) >= 2);

    holder = new Database(runner.database.path);
    holder.prepare('BEGIN IMMEDIATE').run();
    holder.prepare("INSERT INTO settings (key, value) VALUES ('held', '1')").run();
    const okWhenLocked = runner.database.runs.summary(runId)?.ok ?? 0;
    // The calls go on while nothing can be written: each new call follows an answer that could not be.
    await until(() => alpha.calls >= okWhenLocked + 6, 10_000);
    expect(runner.database.runs.summary(runId)).toMatchObject({ ok: okWhenLocked, status: 'running' });

    holder.prepare('ROLLBACK').run();
    expect(await runner.manager.finished(runId)).toMatchObject({ status: 'done', ok: 12, pending: 0 });
    expect(alpha.calls).toBe(12);
    expect(new Set(runner.log.samples.map((sample) => sample.sampleId)).size).toBe(12);
  });
});
