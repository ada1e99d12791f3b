import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors';
import { makeTempDir, removeDir } from '../../../test/support/tempDir';
import { expandSamples } from '../runner/sampleMatrix';
import { testPlan } from '../../../test/support/testRunFixture';
import { openWorkspaceDatabase, type WorkbenchDatabase } from './database';
import { migrate, migrations } from './migrations';
import type { SampleOutcome } from './runStore';

const ok = (output: string): SampleOutcome => ({
  status: 'ok',
  output,
  finishReason: 'stop',
  inputTokens: 1,
  outputTokens: 1,
  latencyMs: 1,
  params: {},
  attempts: 1,
  startedAt: '2025-01-01T00:00:00.000Z',
  finishedAt: '2025-01-01T00:00:01.000Z',
});

/** The WorkbenchError a call throws, so its code and message can be checked. */
function thrown(call: () => unknown): WorkbenchError {
  try {
    call();
  } catch (error) {
    if (error instanceof WorkbenchError) return error;
    throw error;
  }
  throw new Error('expected the call to throw');
}

describe('RatingStore', () => {
  let dir: string;
  let file: string;
  let db: WorkbenchDatabase;

  beforeEach(() => {
    dir = makeTempDir();
    file = path.join(dir, '.workbench', 'workbench.db');
    db = openWorkspaceDatabase(file);
  });
  afterEach(() => {
    db.close();
    removeDir(dir);
  });

  /** A run of `count` samples; all finished ok except the ones listed in `unfinished` (left pending). */
  function createRun(count = 4, unfinished: number[] = []): { runId: string; ids: string[] } {
    const plan = testPlan({ samples: count });
    const runId = db.runs.create(plan, expandSamples(plan.request, ['only']), 1);
    const ids = db.runs.pending(runId).map((sample) => sample.sampleId);
    ids.forEach((id, index) => {
      if (!unfinished.includes(index)) db.runs.recordSample(id, ok(`answer ${index}`));
    });
    return { runId, ids };
  }

  const ratingOf = (runId: string, sampleId: string) => db.ratings.forRun(runId).find((entry) => entry.sampleId === sampleId) ?? null;

  it('rates a sample, saved at once and listed for its run', () => {
    const { runId, ids } = createRun();
    const change = db.ratings.rate(runId, [ids[1] ?? ''], 4);
    expect(change).toMatchObject({ runId, kind: 'rating', undoable: 1, ratings: [{ sampleId: ids[1], rating: 4, note: null }] });
    expect(change.ratings[0]?.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(db.ratings.forRun(runId)).toEqual(change.ratings);
    // Another connection sees it: the change is committed, not waiting in a transaction.
    const other = new Database(file, { readonly: true });
    expect(other.prepare('SELECT rating FROM ratings WHERE sample_id = ?').pluck().get(ids[1])).toBe(4);
    other.close();
  });

  it('rates a cluster as ONE change, and one undo gives each member its own earlier rating back', () => {
    const { runId, ids } = createRun();
    const [a = '', b = '', c = ''] = ids;
    db.ratings.rate(runId, [a], 2);
    db.ratings.rate(runId, [c], 5);
    const cluster = db.ratings.rate(runId, [a, b, c], 3);
    expect(cluster.ratings.map((entry) => entry.rating)).toEqual([3, 3, 3]);
    expect(cluster.undoable).toBe(3);
    expect(db.connection.prepare('SELECT count(*) FROM rating_changes').pluck().get()).toBe(3);

    const undone = db.ratings.undo(runId);
    expect(undone).toMatchObject({ kind: 'undo', undoable: 2 });
    expect(undone?.ratings.map((entry) => [entry.sampleId, entry.rating])).toEqual(
      expect.arrayContaining([
        [a, 2],
        [b, null],
        [c, 5],
      ]),
    );
    expect([ratingOf(runId, a)?.rating, ratingOf(runId, b), ratingOf(runId, c)?.rating]).toEqual([2, null, 5]);
    // The earlier changes are still there to undo, last first.
    db.ratings.undo(runId);
    expect(ratingOf(runId, c)).toBeNull();
    expect(ratingOf(runId, a)?.rating).toBe(2);
  });

  it('fills only the unrated members of a cluster, says how many kept their own, and one undo takes it all back', () => {
    const { runId, ids } = createRun();
    const [a = '', b = '', c = '', d = ''] = ids;
    db.ratings.rate(runId, [a], 4);
    db.ratings.rate(runId, [c], 1);
    const cluster = db.ratings.rate(runId, [a, b, c, d], 3, { onlyUnrated: true });
    expect(cluster.ratings.map((entry) => [entry.sampleId, entry.rating])).toEqual([
      [a, 4],
      [b, 3],
      [c, 1],
      [d, 3],
    ]);
    expect(cluster).toMatchObject({ kind: 'rating', kept: 2, undoable: 3 });

    const undone = db.ratings.undo(runId);
    expect(undone?.ratings.map((entry) => entry.sampleId).sort()).toEqual([b, d].sort());
    expect([ratingOf(runId, a)?.rating, ratingOf(runId, b), ratingOf(runId, c)?.rating, ratingOf(runId, d)]).toEqual([4, null, 1, null]);
    // A cluster whose members are all rated already changes nothing, and spends no undo.
    expect(db.ratings.rate(runId, [a, c], 5, { onlyUnrated: true })).toMatchObject({ kept: 2, undoable: 2 });
  });

  it('keeps notes apart from ratings: each change and each undo touches only its own field', () => {
    const { runId, ids } = createRun();
    const id = ids[0] ?? '';
    db.ratings.rate(runId, [id], 4);
    const noted = db.ratings.setNote(runId, id, 'Too long, but right.');
    expect(noted).toMatchObject({ kind: 'note', undoable: 2, ratings: [{ sampleId: id, rating: 4, note: 'Too long, but right.' }] });
    db.ratings.rate(runId, [id], 1);
    expect(ratingOf(runId, id)).toMatchObject({ rating: 1, note: 'Too long, but right.' });

    db.ratings.undo(runId); // the rating of 1
    expect(ratingOf(runId, id)).toMatchObject({ rating: 4, note: 'Too long, but right.' });
    db.ratings.undo(runId); // the note
    expect(ratingOf(runId, id)).toMatchObject({ rating: 4, note: null });
  });

  it('clears a rating with null and a note with null or blank text, as undoable changes', () => {
    const { runId, ids } = createRun();
    const [rated = '', noted = ''] = ids;
    db.ratings.rate(runId, [rated], 5);
    db.ratings.setNote(runId, noted, 'keep?');

    const cleared = db.ratings.rate(runId, [rated], null);
    expect(cleared.ratings[0]).toMatchObject({ sampleId: rated, rating: null, note: null });
    // Cleared, but it was set once: the time of the change stays known.
    expect(cleared.ratings[0]?.updatedAt).not.toBeNull();
    expect(db.ratings.setNote(runId, noted, '   \n').ratings[0]?.note).toBeNull();
    // Only samples with something on them are listed.
    expect(db.ratings.forRun(runId)).toEqual([]);

    db.ratings.undo(runId);
    db.ratings.undo(runId);
    expect(db.ratings.forRun(runId).map((entry) => [entry.sampleId, entry.rating, entry.note])).toEqual([
      [rated, 5, null],
      [noted, null, 'keep?'],
    ]);
  });

  it('records no change when nothing changes, so an undo is never spent on one', () => {
    const { runId, ids } = createRun();
    const id = ids[0] ?? '';
    db.ratings.rate(runId, [id], 3);
    expect(db.ratings.rate(runId, [id, id], 3).undoable).toBe(1);
    expect(db.ratings.setNote(runId, id, null).undoable).toBe(1);
    expect(db.ratings.rate(runId, [ids[1] ?? ''], null).undoable).toBe(1);
    expect(db.ratings.undo(runId)?.ratings).toMatchObject([{ sampleId: id, rating: null }]);
  });

  it('answers null when there is nothing to undo, and says so for a run that does not exist', () => {
    const { runId, ids } = createRun();
    expect(db.ratings.undo(runId)).toBeNull();
    db.ratings.rate(runId, [ids[0] ?? ''], 2);
    expect(db.ratings.undo(runId)).not.toBeNull();
    expect(db.ratings.undo(runId)).toBeNull();
    expect(db.ratings.undoable(runId)).toBe(0);
    expect(thrown(() => db.ratings.undo('no-such-run'))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no-such-run') });
  });

  it('refuses samples of another run, unknown samples and samples without an output, writing nothing', () => {
    const first = createRun(3, [2]);
    const second = createRun(2);
    const own = first.ids[0] ?? '';
    const foreign = thrown(() => db.ratings.rate(first.runId, [own, second.ids[0] ?? ''], 4));
    expect(foreign.code).toBe('BAD_INPUT');
    expect(foreign.message).toContain(`"${second.ids[0]}" belongs to another run`);
    const unknown = thrown(() => db.ratings.setNote(first.runId, 'ghost-sample', 'hi'));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('"ghost-sample"') });
    const pending = thrown(() => db.ratings.rate(first.runId, [first.ids[2] ?? ''], 5));
    expect(pending).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/Only samples with an output can be rated.*\(pending\)/) });
    expect(thrown(() => db.ratings.rate('no-such-run', [own], 4)).code).toBe('NOT_FOUND');
    expect(thrown(() => db.ratings.rate(first.runId, [own], 6)).code).toBe('BAD_INPUT');
    // Nothing of the refused calls was kept, not even for the valid sample among them.
    expect(db.ratings.forRun(first.runId)).toEqual([]);
    expect(db.ratings.undoable(first.runId)).toBe(0);
    // A note may still say what went wrong with a sample that has no output.
    expect(db.ratings.setNote(first.runId, first.ids[2] ?? '', 'stuck').ratings[0]?.note).toBe('stuck');
  });

  it('keeps ratings, notes and their history across a reopen', () => {
    const { runId, ids } = createRun();
    db.ratings.rate(runId, [ids[0] ?? '', ids[1] ?? ''], 4);
    db.ratings.setNote(runId, ids[1] ?? '', 'good');
    db.ratings.rate(runId, [ids[0] ?? ''], 1);
    db.close();

    db = openWorkspaceDatabase(file);
    expect(db.ratings.forRun(runId).map((entry) => [entry.rating, entry.note])).toEqual([
      [1, null],
      [4, 'good'],
    ]);
    expect(db.ratings.undoable(runId)).toBe(3);
    expect(db.ratings.undo(runId)?.ratings).toMatchObject([{ sampleId: ids[0], rating: 4 }]);
  });

  it('gives a run detail its ratings and its output spec', () => {
    const plan = { ...testPlan({ samples: 2 }), output: { format: 'json' as const, schema: { type: 'object' } } };
    const runId = db.runs.create(plan, expandSamples(plan.request, ['only']), 1);
    const [first = ''] = db.runs.pending(runId).map((sample) => sample.sampleId);
    db.runs.recordSample(first, ok('{}'));
    db.ratings.rate(runId, [first], 5);
    const detail = db.runs.detail(runId);
    expect(detail?.output).toEqual({ format: 'json', schema: { type: 'object' } });
    expect(detail?.ratings).toMatchObject([{ sampleId: first, rating: 5, note: null }]);
  });

  it('goes with its run: deleting a run deletes its ratings, history and cached vectors', () => {
    const { runId, ids } = createRun();
    db.ratings.rate(runId, ids.slice(0, 2), 3);
    db.embeddings.save('ollama/nomic-embed-text', [{ sampleId: ids[0] ?? '', vector: [0.5, 0.25] }]);
    db.connection.prepare('DELETE FROM runs WHERE id = ?').run(runId);
    for (const table of ['ratings', 'rating_changes', 'rating_change_items', 'sample_embeddings']) {
      expect(db.connection.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });
});

describe('EmbeddingStore', () => {
  it('keeps Float32 vectors per sample and model', () => {
    const dir = makeTempDir();
    const db = openWorkspaceDatabase(path.join(dir, 'workbench.db'));
    try {
      const plan = testPlan({ samples: 2 });
      const runId = db.runs.create(plan, expandSamples(plan.request, ['only']), 1);
      const [a = '', b = ''] = db.runs.pending(runId).map((sample) => sample.sampleId);
      db.embeddings.save('openai/text-embedding-3-small', [{ sampleId: a, vector: [0.1, -0.5, 1] }]);
      const found = db.embeddings.cached([a, b], 'openai/text-embedding-3-small');
      expect([...found.keys()]).toEqual([a]);
      expect(found.get(a)?.map((value) => Math.round(value * 1e6) / 1e6)).toEqual([0.1, -0.5, 1]);
      expect(db.embeddings.cached([a], 'ollama/nomic-embed-text').size).toBe(0);
    } finally {
      db.close();
      removeDir(dir);
    }
  });
});

describe('migrations 3 and 4', () => {
  it('add the rating tables and the runs\' cases hash to a version 2 database, keeping its runs', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'workbench.db');
    const v2 = new Database(file);
    migrate(v2, migrations.slice(0, 2));
    v2.prepare(
      "INSERT INTO runs (id, prompt, content_hash, source, request_json, status, created_at) VALUES ('r1', 'p', 'h', '', '{}', 'done', '2025-01-01T00:00:00Z')",
    ).run();
    v2.prepare("INSERT INTO samples (id, run_id, model, temperature, case_name, idx, seq, status, output) VALUES ('s1', 'r1', 'a/m', 0, 'c', 0, 0, 'ok', 'x')").run();
    v2.close();

    const db = openWorkspaceDatabase(file);
    try {
      expect(db.schemaVersion).toBe(migrations.length);
      expect(db.ratings.rate('r1', ['s1'], 5).ratings[0]?.rating).toBe(5);
      // A run from before runs kept their cases: unknown, so an approval does not check them.
      expect(db.runs.casesHash('r1')).toBeNull();
      expect(() => db.connection.prepare("UPDATE ratings SET rating = 7 WHERE sample_id = 's1'").run()).toThrow(/CHECK/);
    } finally {
      db.close();
      removeDir(dir);
    }
  });
});
