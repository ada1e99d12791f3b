import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabaseEachTest } from '../../../test/support/freshDatabase';
import { makeTempDir, removeDir } from '../../../test/support/tempDir';
import { expandSamples } from '../runner/sampleMatrix';
import { testPlan } from '../../../test/support/testRunFixture';
import { openWorkspaceDatabase, type WorkbenchDatabase } from './database';
import { migrate, migrations } from './migrations';
import type { SampleOutcome } from './runStore';

const okOutcome = (output: string, extra: Partial<SampleOutcome> = {}): SampleOutcome => ({
  status: 'ok',
  output,
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
  ...extra,
});

const errorOutcome: SampleOutcome = {
  ...okOutcome(''),
  status: 'error',
  output: null,
  error: { code: 'server', message: 'Test alpha failed (server).', status: 503 },
  inputTokens: null,
  outputTokens: null,
  costUsd: null,
  attempts: 4,
};

describe('RunStore', () => {
  let db: WorkbenchDatabase;
  freshDatabaseEachTest((opened) => (db = opened));

  function createRun(request = {}, cases = ['a', 'b']) {
    const plan = testPlan({ models: ['alpha/m1', 'beta/m2'], temperatures: [0, 1], samples: 3, ...request }, cases);
    const specs = expandSamples(plan.request, cases);
    return { runId: db.runs.create(plan, specs, 4242), specs, plan };
  }

  it('writes the run and every sample up front as pending, numbered in execution order', () => {
    const { runId, specs } = createRun();
    const summary = db.runs.summary(runId);
    expect(summary).toMatchObject({ status: 'running', total: 24, pending: 24, ok: 0, errors: 0, cases: ['a', 'b'], samplesPerCell: 3, costUsd: null });
    const rows = db.connection.prepare('SELECT s.id, s.seq, s.model, r.owner_pid FROM samples s JOIN runs r ON r.id = s.run_id WHERE s.run_id = ? ORDER BY s.seq').all(runId) as {
      id: string;
      seq: number;
      model: string;
      owner_pid: number;
    }[];
    expect(rows.map((row) => row.model)).toEqual(specs.map((spec) => spec.model));
    expect(new Set(rows.map((row) => row.id)).size).toBe(24);
    expect(rows[0]?.owner_pid).toBe(4242);
    expect(db.runs.pending(runId).map((sample) => sample.sampleId)).toEqual(rows.map((row) => row.id));
  });

  it('gives runs ids that sort by creation, and lists them newest first, per prompt and limited', () => {
    const ids = [createRun().runId, createRun({ prompt: 'other' }).runId, createRun().runId];
    expect([...ids].sort()).toEqual(ids);
    expect(db.runs.list({ limit: 10 }).map((run) => run.runId)).toEqual([...ids].reverse());
    expect(db.runs.list({ prompt: 'greet', limit: 10 }).map((run) => run.runId)).toEqual([ids[2], ids[0]]);
    expect(db.runs.list({ limit: 1 }).map((run) => run.runId)).toEqual([ids[2]]);
  });

  it('records outcomes and sums them in the summary; details carry messages, input and parameters', () => {
    const { runId } = createRun();
    const [first, second, third] = db.runs.pending(runId);
    db.runs.recordSample(first?.sampleId ?? '', okOutcome('hello'));
    db.runs.recordSample(second?.sampleId ?? '', okOutcome('hi', { costUsd: null, inputTokens: 1, outputTokens: 2 }));
    db.runs.recordSample(third?.sampleId ?? '', errorOutcome);
    expect(db.runs.summary(runId)).toMatchObject({ total: 24, ok: 2, errors: 1, pending: 21, inputTokens: 11, outputTokens: 7, costUsd: 0.001 });

    const detail = db.runs.detail(runId);
    expect(detail?.samples).toHaveLength(24);
    expect(detail?.samples[2]).toMatchObject({ status: 'error', error: { code: 'server', status: 503 }, attempts: 4 });
    expect(detail?.request.models).toEqual(['alpha/m1', 'beta/m2']);
    expect(detail?.output).toBeNull();
    expect(detail?.ratings).toEqual([]);

    const sample = db.runs.sampleDetail(first?.sampleId ?? '');
    expect(sample).toMatchObject({
      output: 'hello',
      case: 'a',
      latencyMs: 12.5,
      params: { seed: 7 },
      input: { name: 'a' },
      messages: [{ role: 'user', content: [{ text: 'Hello a' }] }],
    });
    expect(db.runs.sampleDetail('nope')).toBeNull();
    expect(db.runs.summary('nope')).toBeNull();
  });

  it('reads for checks only the fields checks look at, the same values as the detail, in the same order', () => {
    const { runId } = createRun();
    const [first, second] = db.runs.pending(runId);
    db.runs.recordSample(first?.sampleId ?? '', okOutcome('hello'));
    db.runs.recordSample(second?.sampleId ?? '', errorOutcome);
    const run = db.runs.forChecks(runId);
    const detail = db.runs.detail(runId);
    expect(run).toMatchObject({ prompt: 'greet', models: ['alpha/m1', 'beta/m2'], temperatures: [0, 1], cases: ['a', 'b'] });
    const fields = ['sampleId', 'model', 'temperature', 'case', 'status', 'output', 'error', 'latencyMs', 'costUsd', 'finishedAt'] as const;
    expect(run?.samples).toEqual(detail?.samples.map((sample) => Object.fromEntries(fields.map((field) => [field, sample[field]]))));
    expect(run?.samples[1]).toMatchObject({ status: 'error', error: { message: 'Test alpha failed (server).' }, output: null });
    expect(db.runs.forChecks('nope')).toBeNull();
  });

  it('reads back only the verdicts given under the checks asked about', () => {
    const { runId } = createRun();
    const [first, second] = db.runs.pending(runId);
    const entry = (sampleId: string | undefined) => ({ sampleId: sampleId ?? '', finishedAt: 'f', verdicts: [{ check: 'prompt#1', passed: true, reason: 'ok' }] });
    db.verdicts.save('old-checks', [entry(first?.sampleId), entry(second?.sampleId)]);
    db.verdicts.save('new-checks', [entry(first?.sampleId)]);
    expect([...db.verdicts.forRun(runId, 'new-checks').keys()]).toEqual([first?.sampleId]);
    expect([...db.verdicts.forRun(runId, 'old-checks').keys()]).toEqual([second?.sampleId]);
    expect(db.verdicts.forRun(runId, 'other').size).toBe(0);
  });

  it('never overwrites a sample that is no longer pending', () => {
    const { runId } = createRun();
    const [first] = db.runs.pending(runId);
    db.owners.cancel(runId, null, '2025-01-01T00:00:02.000Z');
    db.runs.recordSample(first?.sampleId ?? '', okOutcome('late'));
    expect(db.runs.sampleDetail(first?.sampleId ?? '')).toMatchObject({ status: 'cancelled', output: null });
  });

  it('cancels pending samples, reopens them for a resume, and reopens failures with their result cleared', () => {
    const { runId } = createRun();
    const [first, second] = db.runs.pending(runId);
    db.runs.recordSample(first?.sampleId ?? '', okOutcome('kept'));
    db.runs.recordSample(second?.sampleId ?? '', errorOutcome);
    expect(db.owners.cancel(runId, null, '2025-01-01T00:00:02.000Z')).toBe(true);
    expect(db.runs.summary(runId)).toMatchObject({ status: 'cancelled', cancelled: 22, pending: 0 });
    expect(db.runs.summary(runId)?.finishedAt).not.toBeNull();

    expect(db.runs.reopenCancelled(runId)).toBe(22);
    expect(db.runs.reopenFailed(runId)).toBe(1);
    expect(db.runs.summary(runId)).toMatchObject({ ok: 1, errors: 0, pending: 23, cancelled: 0 });
    expect(db.runs.sampleDetail(second?.sampleId ?? '')).toMatchObject({ status: 'pending', error: null, attempts: 0, latencyMs: null, params: {} });

    expect(db.owners.take(runId, { pid: 99, token: 'owner' }, '2025-01-01T00:00:03.000Z', () => true)).toBe('taken');
    expect(db.runs.status(runId)).toEqual({ status: 'running', ownerPid: 99 });
    expect(db.runs.summary(runId)).toMatchObject({ stopReason: null, finishedAt: null });
  });
});

describe('migration 2', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeDir(dir));

  it('upgrades a version 1 database, keeping its settings, with NORMAL sync under WAL', () => {
    const file = path.join(dir, 'workbench.db');
    const v1 = new Database(file);
    migrate(v1, migrations.slice(0, 1));
    v1.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"')").run();
    v1.close();

    const db = openWorkspaceDatabase(file);
    try {
      expect(db.schemaVersion).toBe(migrations.length);
      expect(db.settings.read().theme).toBe('dark');
      const tables = db.connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['settings', 'runs', 'run_cases', 'samples', 'ratings', 'rating_changes', 'rating_change_items', 'sample_embeddings']));
      expect(db.connection.pragma('synchronous', { simple: true })).toBe(1);
      expect(() => db.connection.prepare("INSERT INTO runs (id, prompt, content_hash, source, request_json, status, created_at) VALUES ('x', 'p', 'h', '', '{}', 'weird', '')").run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('deletes a run together with its cases and samples', () => {
    const db = openWorkspaceDatabase(path.join(dir, 'workbench.db'));
    try {
      const plan = testPlan({ samples: 2 });
      const runId = db.runs.create(plan, expandSamples(plan.request, ['only']), 1);
      db.connection.prepare('DELETE FROM runs WHERE id = ?').run(runId);
      expect(db.connection.prepare('SELECT count(*) FROM samples').pluck().get()).toBe(0);
      expect(db.connection.prepare('SELECT count(*) FROM run_cases').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
