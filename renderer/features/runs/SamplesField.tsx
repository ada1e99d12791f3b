import { useId } from 'react';
import { MAX_SAMPLES_PER_CELL } from '../../../shared/runs';

/** N: how many times each model × temperature × case is sampled. */
export function SamplesField({ value, onChange }: { value: string; onChange(text: string): void }) {
  const id = useId();
  return (
    <div className="run-field run-field--narrow">
      <div className="run-field__head">
        <label className="field__label" htmlFor={id}>
          Samples per cell
        </label>
      </div>
      <input
        id={id}
        className="input input--mono"
        type="number"
        min={1}
        max={MAX_SAMPLES_PER_CELL}
        step={1}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="field__hint">1 to {MAX_SAMPLES_PER_CELL.toLocaleString()}; each is its own call.</span>
    </div>
  );
}
