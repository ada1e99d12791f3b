import type { Sample } from '../../../shared/runs';
import { ChevronRightIcon } from '../../components/icons';
import { SampleDetailView } from './SampleDetailView';
import { formatCost, formatDuration } from './runFormat';

const STATUS_WORDS = { ok: 'ok', error: 'error', pending: 'pending', cancelled: 'cancelled' } as const;

/** One sample: its output (always as text) or its error, the facts about the call, and on demand what was sent. */
export function SampleItem({ sample, open, onToggle }: { sample: Sample; open: boolean; onToggle(): void }) {
  return (
    <li className={`sample-item sample-item--${sample.status}`}>
      <button type="button" className="sample-item__head" aria-expanded={open} onClick={onToggle}>
        <ChevronRightIcon size={12} className="sample-item__chevron" />
        <span className={`sample-square sample-square--${sample.status}`} aria-hidden="true" />
        <span className="sample-item__index">#{sample.index + 1}</span>
        <span className="sample-item__status">{STATUS_WORDS[sample.status]}</span>
        <span className="sample-item__facts">
          {sample.latencyMs !== null && <span title="Latency">{formatDuration(sample.latencyMs)}</span>}
          {sample.outputTokens !== null && (
            <span title="Input / output tokens">
              {sample.inputTokens ?? '?'}→{sample.outputTokens} tok
            </span>
          )}
          {sample.status === 'ok' && <span title="Cost">{formatCost(sample.costUsd)}</span>}
          {sample.attempts > 1 && <span title="Attempts (retries after 429, 5xx or network errors)">{sample.attempts} tries</span>}
        </span>
      </button>
      {sample.status === 'ok' && <pre className="sample-item__output selectable">{sample.output ?? ''}</pre>}
      {sample.status === 'error' && sample.error && (
        <p className="sample-item__error selectable">
          <code>{sample.error.code}</code>
          {sample.error.status !== null && <span> ({sample.error.status})</span>} {sample.error.message}
        </p>
      )}
      {open && <SampleDetailView sample={sample} />}
    </li>
  );
}
