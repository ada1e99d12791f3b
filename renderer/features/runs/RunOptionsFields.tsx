import { useId } from 'react';
import type { SeedMode } from '../../../shared/runs';
import type { RunForm } from './runForm';

const SEED_MODES: { value: SeedMode; label: string; hint: string }[] = [
  { value: 'none', label: 'No seed', hint: 'The provider’s own randomness.' },
  { value: 'fixed', label: 'Fixed', hint: 'Every call gets the same seed: how deterministic is the provider really?' },
  { value: 'per-sample', label: 'Per sample', hint: 'Sample i gets seed + i, so a rerun can reproduce each sample where the provider allows.' },
];

/** Seed, max tokens, concurrency and streaming: the knobs most runs leave alone. */
export function RunOptionsFields({ form, onChange }: { form: RunForm; onChange(patch: Partial<RunForm>): void }) {
  const id = useId();
  const mode = SEED_MODES.find((entry) => entry.value === form.seedMode) ?? SEED_MODES[0];
  return (
    <div className="run-options">
      <fieldset className="run-field run-options__seed">
        <legend className="field__label">Seed</legend>
        <div className="run-options__seed-row">
          <div className="segmented" role="group" aria-label="Seed mode">
            {SEED_MODES.map((entry) => (
              <button
                key={entry.value}
                type="button"
                aria-pressed={form.seedMode === entry.value}
                title={entry.hint}
                onClick={() => onChange({ seedMode: entry.value })}
              >
                {entry.label}
              </button>
            ))}
          </div>
          <input
            className="input input--mono input--xs run-options__seed-input"
            type="number"
            min={0}
            value={form.seed}
            aria-label="Seed"
            disabled={form.seedMode === 'none'}
            onChange={(event) => onChange({ seed: event.target.value })}
          />
        </div>
        <span className="field__hint">{mode?.hint}</span>
      </fieldset>
      <label className="run-field run-options__number">
        <span className="field__label">Max tokens</span>
        <input
          className="input input--mono"
          type="number"
          min={1}
          value={form.maxTokens}
          placeholder="Provider default"
          onChange={(event) => onChange({ maxTokens: event.target.value })}
        />
      </label>
      <label className="run-field run-options__number">
        <span className="field__label">Concurrency</span>
        <input
          className="input input--mono"
          type="number"
          min={1}
          max={64}
          value={form.concurrency}
          placeholder="From Settings"
          onChange={(event) => onChange({ concurrency: event.target.value })}
        />
      </label>
      <label className="run-options__stream" htmlFor={`${id}-stream`}>
        <input id={`${id}-stream`} type="checkbox" checked={form.stream} onChange={(event) => onChange({ stream: event.target.checked })} />
        <span>
          <span className="field__label">Stream responses</span>
          <span className="field__hint">Records the time to the first token.</span>
        </span>
      </label>
    </div>
  );
}
