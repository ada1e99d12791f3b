import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PENDING_RESULT, Sample, SampleIdentity } from '../../../shared/runs';
import { freshDatabaseEachTest } from '../../../test/support/freshDatabase';
import { testPlan } from '../../../test/support/testRunFixture';
import type { WorkbenchDatabase } from './database';
import { SAMPLE_FIELDS, type SampleOutcome } from './sampleRows';

/** Columns of the samples table that are not a field of Sample: the execution order, and the parameters as sent (in the detail). */
const NOT_SAMPLE_FIELDS = ['seq', 'params_json'];
/** What a new sample is given (its ids come from the store); parsing strips the rest. */
const NewSample = SampleIdentity.omit({ sampleId: true, runId: true });

/**
 * A value for every field of a schema, none of them null or empty, each different from the others,
 * so a field the mapping drops or mixes up cannot read back equal.
 */
function exampleOf(schema: z.ZodType, name: string, counter = { next: 0 }): unknown {
  counter.next += 1;
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return exampleOf(schema.unwrap() as z.ZodType, name, counter);
  if (schema instanceof z.ZodString) return `${name} ${counter.next}`;
  if (schema instanceof z.ZodNumber) return schema.isInt ? 1000 + counter.next : counter.next + 0.25;
  if (schema instanceof z.ZodBoolean) return true;
  if (schema instanceof z.ZodEnum) return schema.options.at(-1);
  if (schema instanceof z.ZodObject) {
    return Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => [key, exampleOf(field, key, counter)]));
  }
  throw new Error(`exampleOf has no value for the ${schema.def.type} field "${name}": add one`);
}

describe('the sample mapping (sampleRows.ts)', () => {
  let db: WorkbenchDatabase;
  freshDatabaseEachTest((opened) => (db = opened));

  it('maps every field of the Sample schema, and nothing else', () => {
    expect(Object.keys(SAMPLE_FIELDS).sort()).toEqual(Object.keys(Sample.shape).sort());
  });

  it('keeps each field in columns the migrations created, and every column of the table in a field', () => {
    const table = (db.connection.prepare("SELECT name FROM pragma_table_info('samples')").pluck().all() as string[]).sort();
    const mapped = Object.values(SAMPLE_FIELDS).flatMap((field) => field.columns);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...mapped, ...NOT_SAMPLE_FIELDS].sort()).toEqual(table);
  });

  it('creates a sample with its identity and the pending result (the columns default to it)', () => {
    const planned = NewSample.parse(exampleOf(Sample, 'sample'));
    const runId = db.runs.create(testPlan(), [planned], process.pid);
    expect(db.runs.detail(runId)?.samples).toEqual([{ ...planned, sampleId: `${runId}-0`, runId, ...PENDING_RESULT }]);
    expect(db.runs.sampleDetail(`${runId}-0`)?.params).toEqual({});
  });

  it('writes every field of a fully populated sample to SQLite and reads each one back', () => {
    const example = Sample.parse(exampleOf(Sample, 'sample'));
    const planned = NewSample.parse(example);
    const plan = testPlan({}, [example.case]);
    const runId = db.runs.create(plan, [planned], process.pid);
    const [pending] = db.runs.pending(runId);
    expect(pending).toEqual({ ...planned, sampleId: `${runId}-0`, runId });

    const full: Sample = { ...example, sampleId: `${runId}-0`, runId, status: 'error' };
    const params = { model: example.model, seed: example.seed };
    db.runs.recordSample(full.sampleId, { ...full, params } as SampleOutcome);

    expect(db.runs.detail(runId)?.samples).toEqual([full]);
    expect(db.runs.sampleDetail(full.sampleId)).toEqual({ ...full, params, input: { name: example.case }, messages: plan.cases[0]?.messages });
  });

  it('clears every result field of a reopened sample back to the pending result', () => {
    const example = Sample.parse(exampleOf(Sample, 'sample'));
    const planned = NewSample.parse(example);
    const runId = db.runs.create(testPlan(), [planned], process.pid);
    const [pending] = db.runs.pending(runId);
    const sampleId = pending?.sampleId ?? '';
    db.runs.recordSample(sampleId, { ...example, status: 'error', params: { seed: 1 } } as SampleOutcome);
    expect(db.runs.detail(runId)?.samples[0]).toMatchObject({ status: 'error', attempts: example.attempts });

    expect(db.runs.reopenFailed(runId)).toBe(1);
    expect(db.runs.detail(runId)?.samples).toEqual([{ ...pending, ...PENDING_RESULT }]);
    expect(db.runs.sampleDetail(sampleId)?.params).toEqual({});
  });
});
