import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../shared/runs';
import { makeTempDir, removeDir } from '../../../test/support/tempDir';
import { testPlan } from '../../../test/support/testRunFixture';
import { openWorkspaceDatabase, type WorkbenchDatabase } from '../store/database';
import { watchOutsideRuns } from './outsideRuns';
import { expandSamples } from './sampleMatrix';

describe('watchOutsideRuns', () => {
  let dir: string;
  let ours: WorkbenchDatabase;
  let theirs: WorkbenchDatabase;
  let stop: () => void;
  const published: RunSummary[][] = [];

  beforeEach(() => {
    dir = makeTempDir();
    const file = path.join(dir, '.workbench', 'workbench.db');
    ours = openWorkspaceDatabase(file);
    // Another process (a terminal's `workbench run`): another connection to the same file.
    theirs = openWorkspaceDatabase(file);
    published.length = 0;
    stop = watchOutsideRuns(ours, (runs) => published.push(runs));
  });
  afterEach(() => {
    stop();
    theirs.close();
    ours.close();
    removeDir(dir);
  });

  const createRun = (db: WorkbenchDatabase) => {
    const plan = testPlan({ samples: 2 });
    return db.runs.create(plan, expandSamples(plan.request, ['only']), 1);
  };

  it('publishes a run another connection created, and its end', async () => {
    const runId = createRun(theirs);
    await vi.waitFor(() => expect(published.flat().map((run) => run.runId)).toContain(runId), { timeout: 3000 });
    expect(published.flat().find((run) => run.runId === runId)).toMatchObject({ total: 2, pending: 2 });

    published.length = 0;
    theirs.connection.prepare("UPDATE runs SET status = 'cancelled' WHERE id = ?").run(runId);
    await vi.waitFor(() => expect(published.flat()).toContainEqual(expect.objectContaining({ runId, status: 'cancelled' })), { timeout: 3000 });
  });

  it('says nothing about what this process wrote itself (its own events do)', async () => {
    createRun(ours);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(published).toEqual([]);
  });
});
