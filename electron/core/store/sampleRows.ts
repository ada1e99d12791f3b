// The one mapping between the Sample schema (shared/runs.ts) and the samples table: the column(s)
// that keep each field. Every statement that reads or writes a sample's fields takes its columns
// and values from here, so a new field is its schema line, its migration and its line below.
import {
  PENDING_RESULT,
  Sample,
  SampleIdentity,
  SampleResult,
  type SampleError,
} from '../../../shared/runs';

type Row = Record<string, unknown>;

/** How one field is kept: in which columns, and how its value goes in and comes back out. */
interface Field<T> {
  readonly columns: readonly string[];
  read(row: Row): T;
  /** Appends the field's column values, in the order of `columns`. */
  write(value: T, values: unknown[]): void;
}

/** A field kept as it is, in one column. */
function column<T>(name: string): Field<T> {
  return {
    columns: [name],
    read: (row) => row[name] as T,
    write: (value, values) => {
      values.push(value);
    },
  };
}

/** A JSON value in one TEXT column; null stays NULL. */
function json<T>(name: string): Field<T | null> {
  return {
    columns: [name],
    read: (row) => (row[name] === null ? null : (JSON.parse(row[name] as string) as T)),
    write: (value, values) => {
      values.push(value === null ? null : JSON.stringify(value));
    },
  };
}

const error: Field<SampleError | null> = {
  columns: ['error_code', 'error_message', 'error_status'],
  read: (row) =>
    row.error_code === null
      ? null
      : { code: row.error_code as string, message: (row.error_message as string | null) ?? '', status: row.error_status as number | null },
  write: (value, values) => {
    values.push(value?.code ?? null, value?.message ?? null, value?.status ?? null);
  },
};

/** Every field of a Sample and where it is kept: a field of the schema missing here does not compile. */
export const SAMPLE_FIELDS: { readonly [K in keyof Sample]-?: Field<Sample[K]> } = {
  sampleId: column('id'),
  runId: column('run_id'),
  model: column('model'),
  temperature: column('temperature'),
  case: column('case_name'),
  index: column('idx'),
  status: column('status'),
  output: column('output'),
  error,
  finishReason: column('finish_reason'),
  inputTokens: column('input_tokens'),
  outputTokens: column('output_tokens'),
  latencyMs: column('latency_ms'),
  ttftMs: column('ttft_ms'),
  costUsd: column('cost_usd'),
  seed: column('seed'),
  attempts: column('attempts'),
  startedAt: column('started_at'),
  finishedAt: column('finished_at'),
};

/** Kept with the result but shown only in the sample's detail: the parameters as sent. */
const params = json<Record<string, unknown>>('params_json');

/** One sample to create, in execution order. */
export type NewSample = Omit<SampleIdentity, 'sampleId' | 'runId'>;

/** A sample still to run. */
export type PendingSample = SampleIdentity;

/**
 * What a finished sample records. A result field left out is empty (as in PENDING_RESULT);
 * `params` is null when nothing was sent (an unknown provider).
 */
export type SampleOutcome = Partial<SampleResult> & {
  status: 'ok' | 'error';
  attempts: number;
  startedAt: string;
  finishedAt: string;
  params: Record<string, unknown> | null;
};

type StoredResult = Partial<SampleResult> & { params: Record<string, unknown> | null };
const EMPTY: Partial<Sample> = PENDING_RESULT;

const keysOf = <T extends object>(schema: { shape: T }) => Object.keys(schema.shape) as (keyof T & keyof Sample)[];
const SAMPLE_KEYS = keysOf(Sample);
const IDENTITY_KEYS = keysOf(SampleIdentity);
const RESULT_KEYS = keysOf(SampleResult);
const columnsOf = (keys: readonly (keyof Sample)[]) =>
  keys.flatMap((key) => {
    // The type already refuses a missing field; this names it for whoever ran without type checking.
    if (!Object.hasOwn(SAMPLE_FIELDS, key)) throw new Error(`The Sample field "${key}" has no column in sampleRows.ts`);
    return SAMPLE_FIELDS[key].columns;
  });

const SAMPLE_COLUMN_NAMES = columnsOf(SAMPLE_KEYS);

/** Every column a Sample is read from, for `FROM samples s`; messages and parameters stay out (they are in the detail). */
export const SAMPLE_COLUMNS = SAMPLE_COLUMN_NAMES.map((name) => `s.${name}`).join(', ');

/** `SAMPLE_COLUMNS` and the parameters as sent, for one sample's detail (read back with `readParams`). */
export const SAMPLE_DETAIL_COLUMNS = [SAMPLE_COLUMNS, ...params.columns.map((name) => `s.${name}`)].join(', ');

/**
 * The fields checks read (core/checks/runChecker.ts). Re-checking a run reads only these: a third of
 * the work of reading whole samples, which for a large run is most of a re-check's time.
 */
const CHECKED_KEYS = ['sampleId', 'model', 'temperature', 'case', 'status', 'output', 'error', 'latencyMs', 'costUsd', 'finishedAt'] as const satisfies readonly (keyof Sample)[];
export type CheckedSampleFields = Pick<Sample, (typeof CHECKED_KEYS)[number]>;

/** The columns of `CheckedSampleFields`, for `FROM samples s`. */
export const CHECKED_COLUMNS = columnsOf(CHECKED_KEYS)
  .map((name) => `s.${name}`)
  .join(', ');

/** The columns of a sample's identity, for selecting what is still to run. */
export const IDENTITY_COLUMNS = columnsOf(IDENTITY_KEYS).join(', ');

/** What a new sample is given: its identity but the ids, which the store makes. */
const NEW_KEYS = IDENTITY_KEYS.filter((key) => key !== 'sampleId' && key !== 'runId');

/**
 * A new sample: its ids, the rest of its identity and its place in the execution order. The result
 * columns take their defaults from the migrations, which are PENDING_RESULT (sampleRows.test.ts
 * holds them to it).
 */
export const INSERT_SAMPLE = (() => {
  const names = [...columnsOf(['sampleId', 'runId', ...NEW_KEYS]), 'seq'];
  return `INSERT INTO samples (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
})();

/** `SET` for every result column, parameters included; bound with `resultValues`. */
export const SET_RESULT = [...columnsOf(RESULT_KEYS), ...params.columns].map((name) => `${name} = ?`).join(', ');

/** Writes the values of these fields; a result field left out is written empty. */
function writeFields(keys: readonly (keyof Sample)[], record: Partial<Sample>, values: unknown[]): void {
  for (const key of keys) {
    const value = record[key];
    (SAMPLE_FIELDS[key] as Field<unknown>).write(value === undefined ? EMPTY[key] : value, values);
  }
}

/** The values for `SET_RESULT`, in its order, followed by `extra` (the statement's WHERE parameters). */
export function resultValues(result: StoredResult, ...extra: unknown[]): unknown[] {
  const values: unknown[] = [];
  writeFields(RESULT_KEYS, result, values);
  params.write(result.params, values);
  for (const value of extra) values.push(value);
  return values;
}

/** The values for `INSERT_SAMPLE`. */
export function insertValues(sampleId: string, runId: string, sample: NewSample, seq: number): unknown[] {
  const values: unknown[] = [];
  SAMPLE_FIELDS.sampleId.write(sampleId, values);
  SAMPLE_FIELDS.runId.write(runId, values);
  writeFields(NEW_KEYS, sample, values);
  values.push(seq);
  return values;
}

function readFields<K extends keyof Sample>(keys: readonly K[], row: Row): Pick<Sample, K> {
  const record: Partial<Sample> = {};
  for (const key of keys) (record as Row)[key] = SAMPLE_FIELDS[key].read(row);
  return record as Pick<Sample, K>;
}

/** A row selected with `SAMPLE_COLUMNS`, as the contract's Sample. */
export function readSample(row: Row): Sample {
  return readFields(SAMPLE_KEYS, row);
}

/**
 * Rows selected with `SAMPLE_COLUMNS` as arrays (better-sqlite3's `.raw()`), which it makes in
 * about half the time it takes to make objects: a run's whole list of samples is read this way.
 */
export function readSampleRows(rows: readonly unknown[][]): Sample[] {
  // One object holds each row's values by column name in turn, for the fields to read.
  const row: Row = {};
  return rows.map((values) => {
    for (let at = 0; at < SAMPLE_COLUMN_NAMES.length; at++) row[SAMPLE_COLUMN_NAMES[at] as string] = values[at];
    return readSample(row);
  });
}

/** A row selected with `CHECKED_COLUMNS`. */
export function readChecked(row: Row): CheckedSampleFields {
  return readFields(CHECKED_KEYS, row);
}

/** A row selected with `IDENTITY_COLUMNS`. */
export function readIdentity(row: Row): SampleIdentity {
  return readFields(IDENTITY_KEYS, row);
}

/** The parameters as sent, from a row that selected `params_json`; null when nothing was sent. */
export function readParams(row: Row): Record<string, unknown> | null {
  return params.read(row);
}
