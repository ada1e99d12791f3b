import { describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../test/support/freshDatabase';
import { testPlan } from '../../../test/support/testRunFixture';
import { expandSamples } from '../runner/sampleMatrix';
import type { WorkbenchDatabase } from './database';
import { meanOutputTokens } from './outputTokenStats';

const ok = (output: string) => ({
  status: 'ok' as const,
  output,
  finishReason: 'stop',
  inputTokens: 10,
  outputTokens: 5,
  params: { model: 'm1', temperature: 0, seed: null },
  attempts: 1,
  startedAt: '2025-01-01T00:00:00.000Z',
  finishedAt: '2025-01-01T00:00:01.000Z',
});

describe('RunCuration: labels, pins and deletes of runs', () => {
  let db: WorkbenchDatabase;
  freshDatabaseEachTest((opened) => (db = opened));

  /** A finished run of `prompt` (two samples, both ok) on the given commit. */
  function finishedRun(prompt = 'capital', commit: string | null = null): { runId: string; sampleIds: string[] } {
    const plan = { ...testPlan({ prompt, models: ['alpha/m1'], temperatures: [0], samples: 2 }, ['a']), commit };
    const runId = db.runs.create(plan, expandSamples(plan.request, ['a']), process.pid, 'token');
    const sampleIds = db.runs.pending(runId).map((sample) => sample.sampleId);
    db.runs.recordSamples(sampleIds.map((sampleId) => ({ sampleId, outcome: ok(`answer ${sampleId}`) })));
    db.owners.release(runId, 'token', 'done', null, new Date().toISOString());
    return { runId, sampleIds };
  }

  const count = (table: string, runId: string) =>
    db.connection.prepare(`SELECT count(*) FROM ${table} WHERE ${table === 'runs' ? 'id' : 'run_id'} = ?`).pluck().get(runId) as number;

  it('labels a run, trims the label and clears it when blank', () => {
    const { runId } = finishedRun();
    expect(db.curation.label(runId, '  baseline before the tone change ')).toBe('done');
    expect(db.runs.summary(runId)?.label).toBe('baseline before the tone change');
    expect(db.curation.label(runId, '   ')).toBe('done');
    expect(db.runs.summary(runId)?.label).toBeNull();
    expect(db.curation.label('no-such-run', 'x')).toBe('missing');
  });

  it('pins a run, keeps its pin time when pinned again, and unpins it', () => {
    const { runId } = finishedRun();
    db.curation.pin(runId, true, '2026-01-01T00:00:00.000Z');
    db.curation.pin(runId, true, '2026-02-02T00:00:00.000Z');
    expect(db.runs.summary(runId)?.pinnedAt).toBe('2026-01-01T00:00:00.000Z');
    db.curation.pin(runId, false, '2026-03-03T00:00:00.000Z');
    expect(db.runs.summary(runId)?.pinnedAt).toBeNull();
  });

  it('hides a deleted run from every read of runs, and brings it back on restore', () => {
    const commit = 'c'.repeat(40);
    const { runId, sampleIds } = finishedRun('capital', commit);
    const kept = finishedRun('capital', commit);
    const [first = ''] = sampleIds;
    db.ratings.rate(runId, [first], 4);

    expect(db.curation.delete(runId, new Date().toISOString())).toBe('done');
    const listed = (ids: { runId: string }[]) => ids.map((run) => run.runId);
    expect(listed(db.runs.list({ limit: 10 }))).toEqual([kept.runId]);
    expect(listed(db.runs.list({ prompt: 'capital', limit: 10 }))).toEqual([kept.runId]);
    expect(listed(db.runs.list({ commit, limit: 10 }))).toEqual([kept.runId]);
    expect(listed(db.runs.list({ prompt: 'capital', commit, limit: 10 }))).toEqual([kept.runId]);
    const run = db.runs.summary(kept.runId);
    const sameContent = { names: ['capital'], contentHash: run?.contentHash ?? '', casesHash: db.runs.casesHash(kept.runId) ?? '' };
    expect(listed(db.runs.list({ prompt: 'capital', commit: 'd'.repeat(40), sameContent, limit: 10 }))).toEqual([kept.runId]);
    expect(listed(db.runs.overview({ limit: 10 }).map((entry) => entry.run))).toEqual([kept.runId]);
    expect(db.runs.summary(runId)).toBeNull();
    expect(db.runs.detail(runId)).toBeNull();
    expect(db.runs.sampleDetail(first)).toBeNull();
    expect(db.owners.state(runId)).toBeNull();
    expect(() => db.ratings.rate(runId, [first], 2)).toThrow(/no run/);
    // Labels and pins of a deleted run are refused like those of an unknown one.
    expect(db.curation.label(runId, 'x')).toBe('missing');
    expect(db.curation.delete(runId, new Date().toISOString())).toBe('missing');

    expect(db.curation.restore(runId)).toBe('done');
    expect(db.runs.detail(runId)?.ratings.map((rating) => rating.rating)).toEqual([4]);
    expect(db.runs.list({ limit: 10 })).toHaveLength(2);
    expect(db.curation.restore(runId)).toBe('missing');
  });

  it('leaves deleted runs out of the output-token estimate', () => {
    const { runId } = finishedRun();
    expect(meanOutputTokens(db.connection, 'capital', 'alpha/m1')).toBe(5);
    db.curation.delete(runId, new Date().toISOString());
    expect(meanOutputTokens(db.connection, 'capital', 'alpha/m1')).toBeNull();
  });

  it('refuses to delete a running run and changes nothing', () => {
    const plan = testPlan({ prompt: 'capital', models: ['alpha/m1'], temperatures: [0], samples: 1 }, ['a']);
    const runId = db.runs.create(plan, expandSamples(plan.request, ['a']), process.pid, 'token');
    expect(db.curation.delete(runId, new Date().toISOString())).toBe('running');
    expect(db.runs.summary(runId)?.status).toBe('running');
  });

  it('a deleted run cannot be resumed from another process', () => {
    const { runId } = finishedRun();
    db.curation.delete(runId, new Date().toISOString());
    expect(db.owners.take(runId, { pid: process.pid, token: 'other' }, new Date().toISOString(), () => true)).toBe('missing');
  });

  it('purges runs deleted before the given time with their samples, ratings and verdicts, and keeps the rest', () => {
    const old = finishedRun();
    const recent = finishedRun();
    const live = finishedRun();
    for (const run of [old, recent, live]) {
      db.ratings.rate(run.runId, [run.sampleIds[0] ?? ''], 3);
      db.verdicts.save('checks', run.sampleIds.map((sampleId) => ({ sampleId, finishedAt: null, verdicts: [{ check: 'c', passed: true, reason: '' }] })));
    }
    db.curation.delete(old.runId, '2026-01-01T00:00:00.000Z');
    db.curation.delete(recent.runId, '2026-01-01T00:05:00.000Z');

    expect(db.curation.purge('2026-01-01T00:01:00.000Z')).toBe(1);
    expect(count('runs', old.runId)).toBe(0);
    expect(count('samples', old.runId)).toBe(0);
    expect(count('ratings', old.runId)).toBe(0);
    expect(count('rating_changes', old.runId)).toBe(0);
    const verdicts = db.connection.prepare('SELECT count(*) FROM sample_verdicts WHERE sample_id IN (?, ?)').pluck();
    expect(verdicts.get(...old.sampleIds)).toBe(0);
    // Deleted after the cut: still there for its undo.
    expect(count('runs', recent.runId)).toBe(1);
    expect(db.curation.restore(recent.runId)).toBe('done');
    expect(verdicts.get(...live.sampleIds)).toBe(2);
    expect(db.curation.purge('2026-01-01T00:01:00.000Z')).toBe(0);
  });

  it('gives each run of the overview its rating coverage and mean rating', () => {
    const rated = finishedRun('capital');
    const unrated = finishedRun('triage');
    db.ratings.rate(rated.runId, [rated.sampleIds[0] ?? ''], 5);
    db.ratings.rate(rated.runId, [rated.sampleIds[1] ?? ''], 2);
    const overview = new Map(db.runs.overview({ limit: 10 }).map((entry) => [entry.run.runId, entry]));
    expect(overview.get(rated.runId)).toMatchObject({ rated: 2, meanRating: 3.5 });
    expect(overview.get(unrated.runId)).toMatchObject({ rated: 0, meanRating: null });
    expect(db.runs.overview({ prompt: 'triage', limit: 10 }).map((entry) => entry.run.runId)).toEqual([unrated.runId]);
  });
});
