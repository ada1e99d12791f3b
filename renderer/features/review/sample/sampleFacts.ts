// The metadata of one sample, as label/value pairs a person reads. Blind review hides whatever
// would tell which model or setting produced the output: model, temperature, seed, and the cost,
// because a price (or a free local model's $0.00) names the model as surely as its id; and the
// repeat number, which speaks of the other samples.
import type { Sample } from '../../../../shared/runs';
import { formatCost, formatDuration } from '../../../lib/runFormat';

export interface SampleFact {
  label: string;
  value: string;
  /** Values a person may want to copy or compare digit by digit are set in the mono font. */
  mono?: boolean;
}

function tokens(sample: Sample): string {
  if (sample.inputTokens === null && sample.outputTokens === null) return '—';
  const part = (count: number | null) => (count === null ? '?' : count.toLocaleString('en-US'));
  return `${part(sample.inputTokens)} in · ${part(sample.outputTokens)} out`;
}

export function sampleFacts(sample: Sample, blind: boolean): SampleFact[] {
  const facts: SampleFact[] = [];
  if (!blind) {
    facts.push({ label: 'Model', value: sample.model, mono: true });
    facts.push({ label: 'Temperature', value: String(sample.temperature), mono: true });
    facts.push({ label: 'Seed', value: sample.seed === null ? 'none' : String(sample.seed), mono: true });
  }
  facts.push({ label: 'Case', value: sample.case });
  // Which repeat of its cell it was says there were others; blind, a sample is judged alone.
  if (!blind) facts.push({ label: 'Sample', value: `#${sample.index + 1}` });
  facts.push(
    { label: 'Tokens', value: tokens(sample) },
    { label: 'Latency', value: sample.latencyMs === null ? '—' : formatDuration(sample.latencyMs) },
    { label: 'First token', value: sample.ttftMs === null ? '—' : formatDuration(sample.ttftMs) },
    { label: 'Finish reason', value: sample.finishReason ?? '—', mono: sample.finishReason !== null },
  );
  if (!blind) facts.push({ label: 'Cost', value: formatCost(sample.costUsd) });
  if (sample.attempts > 1) facts.push({ label: 'Attempts', value: String(sample.attempts) });
  return facts;
}
