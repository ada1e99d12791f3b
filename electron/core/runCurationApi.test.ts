import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openTestDatabase, testPlan, type TestDatabase } from '../../test/support/testRunFixture';
import { EventBus } from './eventBus';
import { createRunCurationApi } from './runCurationApi';
import { expandSamples } from './runner/sampleMatrix';

describe('the Runs page methods', () => {
  let test: TestDatabase;
  let events: EventBus<typeof api>;
  let published: { runs: string[]; deleted: string[] }[];
  beforeEach(() => {
    test = openTestDatabase();
    events = new EventBus(api);
    published = [];
    events.on('runsChanged', ({ runs, deleted }) => published.push({ runs: runs.map((run) => `${run.runId}:${run.label ?? ''}:${run.pinnedAt ? 'pinned' : ''}`), deleted }));
  });
  afterEach(() => test.dispose());

  function run(status: 'running' | 'done') {
    const { database } = test;
    const plan = testPlan({ samples: 1 });
    const runId = database.runs.create(plan, expandSamples(plan.request, ['only']), process.pid, 'token');
    if (status === 'done') database.owners.release(runId, 'token', 'done', null, new Date().toISOString());
    return runId;
  }

  it('publishes a label and a pin as the run’s new summary, and a delete by id', async () => {
    const methods = createRunCurationApi({ database: test.database, events });
    const runId = run('done');
    expect(await methods.labelRun({ runId, label: 'baseline' })).toMatchObject({ label: 'baseline' });
    await methods.pinRun({ runId, pinned: true });
    await methods.deleteRun({ runId });
    expect(published).toEqual([
      { runs: [`${runId}:baseline:`], deleted: [] },
      { runs: [`${runId}:baseline:pinned`], deleted: [] },
      { runs: [], deleted: [runId] },
    ]);
    expect(await methods.listRunsOverview({ limit: 10 })).toEqual([]);
    // Undo: back with its label and pin, and published for the lists to take it in again.
    expect(await methods.restoreRun({ runId })).toMatchObject({ label: 'baseline', pinnedAt: expect.any(String) });
    expect(published.at(-1)).toEqual({ runs: [`${runId}:baseline:pinned`], deleted: [] });
  });

  it('refuses to delete a running run with what to do, and an unknown or purged one as not found', async () => {
    const methods = createRunCurationApi({ database: test.database, events });
    const running = run('running');
    await expect(methods.deleteRun({ runId: running })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/cancel it first/) });
    await expect(methods.labelRun({ runId: 'nope', label: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const done = run('done');
    test.database.curation.delete(done, '2020-01-01T00:00:00.000Z');
    // The next delete purges runs deleted over a minute ago: that one cannot come back.
    await methods.deleteRun({ runId: run('done') });
    await expect(methods.restoreRun({ runId: done })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/removed for good/) });
  });
});
