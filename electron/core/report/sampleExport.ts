// One sample per JSONL line or CSV row, with the fields the issue fixes for scripts and
// spreadsheets. API keys are never part of a sample, so none can leak through an export. CSV cells
// go through shared/csv, which keeps a spreadsheet from evaluating an output or a note as a formula.
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
] as const;

type ExportRow = Record<(typeof EXPORT_FIELDS)[number], string | number | null>;

/** A sample nobody rated or noted has null for both. */
export function exportRow(sample: Sample, rating: Pick<SampleRating, 'rating' | 'note'> | null = null): ExportRow {
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
  };
}

export function toJsonl(detail: RunSamples): string {
  const ratingOf = ratingsBySample(detail);
  return detail.samples.map((sample) => JSON.stringify(exportRow(sample, ratingOf(sample.sampleId)))).join('\n');
}

export function toCsv(detail: RunSamples): string {
  const ratingOf = ratingsBySample(detail);
  const rows = detail.samples.map((sample) => {
    const row = exportRow(sample, ratingOf(sample.sampleId));
    return EXPORT_FIELDS.map((field) => row[field]);
  });
  return csvTable(EXPORT_FIELDS, rows);
}

function ratingsBySample(detail: RunSamples): (sampleId: string) => SampleRating | null {
  const byId = new Map(detail.ratings.map((rating) => [rating.sampleId, rating]));
  return (sampleId) => byId.get(sampleId) ?? null;
}
