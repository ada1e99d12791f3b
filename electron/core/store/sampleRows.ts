// How sample rows read back as the contract's Sample: one column list and one mapping, shared by
// every query that returns samples.
import type { Sample, SampleStatus } from '../../../shared/runs';

export interface SampleRow {
  id: string;
  run_id: string;
  model: string;
  temperature: number;
  case_name: string;
  idx: number;
  status: SampleStatus;
  output: string | null;
  error_code: string | null;
  error_message: string | null;
  error_status: number | null;
  finish_reason: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  latency_ms: number | null;
  ttft_ms: number | null;
  cost_usd: number | null;
  seed: number | null;
  attempts: number;
  started_at: string | null;
  finished_at: string | null;
}

/** Everything a Sample shows; messages and parameters stay out (they are in the sample's detail). */
export const SAMPLE_COLUMNS = `s.id, s.run_id, s.model, s.temperature, s.case_name, s.idx, s.status, s.output,
  s.error_code, s.error_message, s.error_status, s.finish_reason, s.input_tokens, s.output_tokens,
  s.latency_ms, s.ttft_ms, s.cost_usd, s.seed, s.attempts, s.started_at, s.finished_at`;

export function toSample(row: SampleRow): Sample {
  return {
    sampleId: row.id,
    runId: row.run_id,
    model: row.model,
    temperature: row.temperature,
    case: row.case_name,
    index: row.idx,
    status: row.status,
    output: row.output,
    error: row.error_code === null ? null : { code: row.error_code, message: row.error_message ?? '', status: row.error_status },
    finishReason: row.finish_reason,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    latencyMs: row.latency_ms,
    ttftMs: row.ttft_ms,
    costUsd: row.cost_usd,
    seed: row.seed,
    attempts: row.attempts,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
