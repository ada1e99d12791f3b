// One sample per JSONL line or CSV row, with the fields the issue fixes for scripts and
// spreadsheets. API keys are never part of a sample, so none can leak through an export. CSV cells
// go through shared/csv, which keeps a spreadsheet from evaluating an output or a note as a formula.
// With checks, each row says whether the sample passed and which checks it failed; a JSON line also
// carries every verdict, so a script can redo any figure the app shows.
import type { Check, Verdict } from '../../../shared/checks/checkTypes';
import { sampleOutcome } from '../../../shared/checks/runChecks';
import { csvTable } from '../../../shared/csv';
import { roundUsdOrNull } from '../../../shared/money';
import type { SampleRating } from '../../../shared/ratings';
import type { RunDetail, Sample } from '../../../shared/runs';

type RunSamples = Pick<RunDetail, 'samples' | 'ratings'>;

export const EXPORT_FIELDS = [
  'runId',
  'sampleId',
  'model',
  'temperature',
  'case',
  'index',
  'status',
  'output',
  'error',
  'inputTokens',
  'outputTokens',
  'latencyMs',
  'costUsd',
  'rating',
  'note',
  'passed',
  'failedChecks',
] as const;

/** The JSON line's fields: a row's, then every verdict. */
export const JSONL_FIELDS = [...EXPORT_FIELDS, 'checks'] as const;

/** Between the names of the checks a sample failed, in one CSV cell. */
export const FAILED_CHECKS_SEPARATOR = '; ';

type ExportRow = Record<(typeof EXPORT_FIELDS)[number], string | number | boolean | null>;

/** The run's checks and every verdict on its finished samples (runChecker.ts checkRunInFull). */
export interface ExportChecks {
  checks: readonly Check[];
  verdicts: ReadonlyMap<string, readonly Verdict[]>;
}

export interface ExportedVerdict {
  check: string;
  label: string;
  passed: boolean | null;
  reason: string;
}

export interface SampleVerdictFields {
  /** true: every check passed; false: one failed (or the call did); null: no checks, not finished, or undecided. */
  passed: boolean | null;
  failedChecks: string | null;
  checks: ExportedVerdict[];
}

const NO_VERDICTS: SampleVerdictFields = { passed: null, failedChecks: null, checks: [] };

/** Reads each sample's verdicts with its checks' names (looked up once for the run). */
function verdictReader(checks: ExportChecks | null): (sample: Sample) => SampleVerdictFields {
  if (!checks || checks.checks.length === 0) return () => NO_VERDICTS;
  const labels = new Map(checks.checks.map((check) => [check.id, check.label]));
  return (sample) => {
    const verdicts = checks.verdicts.get(sample.sampleId);
    if (!verdicts) return NO_VERDICTS;
    const exported = verdicts.map((verdict) => ({ check: verdict.check, label: labels.get(verdict.check) ?? verdict.check, passed: verdict.passed, reason: verdict.reason }));
    const failed = exported.filter((verdict) => verdict.passed === false).map((verdict) => verdict.label);
    return {
      passed: sampleOutcome(sample.sampleId, sample.status, verdicts)?.passed ?? null,
      failedChecks: failed.length > 0 ? failed.join(FAILED_CHECKS_SEPARATOR) : null,
      checks: exported,
    };
  };
}

/** A sample nobody rated or noted has null for both; with no verdicts, `passed` and `failedChecks` are null. */
export function exportRow(sample: Sample, rating: Pick<SampleRating, 'rating' | 'note'> | null = null, verdicts: SampleVerdictFields = NO_VERDICTS): ExportRow {
  const { passed, failedChecks } = verdicts;
  return {
    runId: sample.runId,
    sampleId: sample.sampleId,
    model: sample.model,
    temperature: sample.temperature,
    case: sample.case,
    index: sample.index,
    status: sample.status,
    output: sample.output,
    error: sample.error ? sample.error.message : null,
    inputTokens: sample.inputTokens,
    outputTokens: sample.outputTokens,
    // Tenths of a millisecond: the clock's noise beyond that only clutters a spreadsheet.
    latencyMs: sample.latencyMs === null ? null : Math.round(sample.latencyMs * 10) / 10,
    // Rounded as the app rounds every amount (rows written before it did carry float noise).
    costUsd: roundUsdOrNull(sample.costUsd),
    rating: rating?.rating ?? null,
    note: rating?.note ?? null,
    passed,
    failedChecks,
  };
}

export function toJsonl(detail: RunSamples, checks: ExportChecks | null = null): string {
  const ratingOf = ratingsBySample(detail);
  const verdictsOf = verdictReader(checks);
  return detail.samples
    .map((sample) => {
      const verdicts = verdictsOf(sample);
      return JSON.stringify({ ...exportRow(sample, ratingOf(sample.sampleId), verdicts), checks: verdicts.checks });
    })
    .join('\n');
}

export function toCsv(detail: RunSamples, checks: ExportChecks | null = null): string {
  const ratingOf = ratingsBySample(detail);
  const verdictsOf = verdictReader(checks);
  const rows = detail.samples.map((sample) => {
    const row = exportRow(sample, ratingOf(sample.sampleId), verdictsOf(sample));
    return EXPORT_FIELDS.map((field) => row[field]);
  });
  return csvTable(EXPORT_FIELDS, rows);
}

function ratingsBySample(detail: RunSamples): (sampleId: string) => SampleRating | null {
  const byId = new Map(detail.ratings.map((rating) => [rating.sampleId, rating]));
  return (sampleId) => byId.get(sampleId) ?? null;
}
