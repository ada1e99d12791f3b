// Ownership of running runs on a real database: every change is a compare-and-set on the owner, so
// a process that lost a run (cancelled or taken over elsewhere) can neither beat for it nor end it.
import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../test/support/freshDatabase';
import { expandSamples } from '../runner/sampleMatrix';
import { testPlan } from '../../../test/support/testRunFixture';
import type { WorkbenchDatabase } from './database';

const AT = '2025-01-01T00:00:00.000Z';
const LATER = '2025-01-01T00:00:05.000Z';

describe('RunOwnerStore', () => {
  let db: WorkbenchDatabase;
  freshDatabaseEachTest((opened) => (db = opened));

  function createRun(token: string | null = 'owner-a', pid = 4242): string {
    const plan = testPlan({ samples: 4 });
    return db.runs.create(plan, expandSamples(plan.request, ['only']), pid, token);
  }

  it('records the owner and a first heartbeat when a run is created', () => {
    const runId = createRun();
    expect(db.owners.state(runId)).toMatchObject({ runId, status: 'running', pid: 4242, token: 'owner-a', heartbeatAt: expect.any(String) });
    expect(db.owners.running().map((run) => run.runId)).toEqual([runId]);
  });

  it('beats only for runs the token still owns, and tells which it lost', () => {
    const kept = createRun();
    const cancelled = createRun();
    expect(db.owners.cancel(cancelled, 'owner-a', AT)).toBe(true);
    expect(db.owners.beat([kept, cancelled], 'owner-a', LATER)).toEqual([cancelled]);
    expect(db.owners.state(kept)?.heartbeatAt).toBe(LATER);
    expect(db.owners.beat([kept], 'someone-else', AT)).toEqual([kept]);
  });

  it('cancels a running run and its pending samples once, and only for its current owner', () => {
    const runId = createRun();
    expect(db.owners.cancel(runId, 'not-the-owner', AT)).toBe(false);
    expect(db.runs.summary(runId)).toMatchObject({ status: 'running', pending: 4 });
    expect(db.owners.cancel(runId, 'owner-a', AT)).toBe(true);
    expect(db.runs.summary(runId)).toMatchObject({ status: 'cancelled', pending: 0, cancelled: 4 });
    expect(db.owners.state(runId)).toMatchObject({ pid: null, token: null, heartbeatAt: null });
    // The owner's own end, arriving late, finds the run no longer its own.
    expect(db.owners.release(runId, 'owner-a', 'done', null, LATER)).toBe(false);
    expect(db.runs.summary(runId)?.status).toBe('cancelled');
  });

  it('lets one owner take a run that is not running, after preparing it in the same transaction', () => {
    const runId = createRun();
    const prepare = () => true;
    expect(db.owners.take(runId, { pid: 1, token: 'owner-b' }, AT, prepare)).toBe('running');
    db.owners.cancel(runId, 'owner-a', AT);
    expect(db.owners.take(runId, { pid: 1, token: 'owner-b' }, AT, () => db.runs.reopenCancelled(runId) > 0)).toBe('taken');
    expect(db.owners.state(runId)).toMatchObject({ status: 'running', pid: 1, token: 'owner-b', heartbeatAt: AT });
    expect(db.runs.summary(runId)).toMatchObject({ pending: 4, cancelled: 0 });
    expect(db.owners.take(runId, { pid: 2, token: 'owner-c' }, AT, prepare)).toBe('running');
    expect(db.owners.take('missing', { pid: 2, token: 'owner-c' }, AT, prepare)).toBe('missing');
  });

  it('changes nothing when preparing refuses', () => {
    const runId = createRun();
    db.owners.cancel(runId, 'owner-a', AT);
    expect(() =>
      db.owners.take(runId, { pid: 1, token: 'owner-b' }, AT, () => {
        db.runs.reopenCancelled(runId);
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(db.runs.summary(runId)).toMatchObject({ status: 'cancelled', cancelled: 4 });
  });

  it('interrupts an orphaned run only while it still has the heartbeat judged stale', () => {
    const orphan = createRun('gone');
    const revived = createRun('slow');
    const judged = db.owners.running();
    db.owners.beat([revived], 'slow', LATER);
    expect(db.owners.interrupt(judged, AT)).toEqual([orphan]);
    expect(db.runs.summary(orphan)).toMatchObject({
      status: 'interrupted',
      pending: 4,
      stopReason: 'The app stopped during this run (4 samples left). Resume it to finish.',
    });
    expect(db.owners.state(revived)?.status).toBe('running');
  });
});
