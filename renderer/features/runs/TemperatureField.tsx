import { useId, useState } from 'react';
import { Chip } from '../../components/Chip';
import { formatTemperatures, generateTemperatures, parseTemperatures } from './temperatureSweep';

/** The temperatures as a typed list, with a from–to–step generator that fills it. */
export function TemperatureField({ value, onChange }: { value: string; onChange(text: string): void }) {
  const id = useId();
  const [range, setRange] = useState({ from: '0', to: '1.5', step: '0.5' });
  const [rangeError, setRangeError] = useState<string | null>(null);
  const parsed = parseTemperatures(value);

  function fill() {
    const generated = generateTemperatures(Number(range.from), Number(range.to), Number(range.step));
    setRangeError(generated.error);
    if (!generated.error) onChange(formatTemperatures(generated.values));
  }

  return (
    <div className="run-field">
      <div className="run-field__head">
        <label className="field__label" htmlFor={id}>
          Temperatures
        </label>
        <span className="run-field__count">{parsed.error ? '' : `${parsed.values.length} in the sweep`}</span>
      </div>
      <input
        id={id}
        className="input input--mono"
        value={value}
        placeholder="0, 0.7, 1.2"
        spellCheck={false}
        aria-invalid={parsed.error !== null}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      {parsed.error ? (
        <span className="field__error" id={`${id}-hint`}>
          {parsed.error}
        </span>
      ) : (
        <div className="temperature-field__chips" id={`${id}-hint`} aria-label="Temperatures in the sweep">
          {parsed.values.map((temperature) => (
            <Chip key={temperature}>{temperature}</Chip>
          ))}
        </div>
      )}
      <div className="temperature-field__range" role="group" aria-label="Generate temperatures">
        <span className="temperature-field__range-label">Or fill</span>
        <RangeInput label="from" value={range.from} onChange={(from) => setRange({ ...range, from })} />
        <RangeInput label="to" value={range.to} onChange={(to) => setRange({ ...range, to })} />
        <RangeInput label="step" value={range.step} onChange={(step) => setRange({ ...range, step })} />
        <button type="button" className="button button--default button--sm" onClick={fill}>
          Fill
        </button>
      </div>
      {rangeError && <span className="field__error">{rangeError}</span>}
    </div>
  );
}

function RangeInput({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  return (
    <label className="temperature-field__range-item">
      <span>{label}</span>
      <input
        className="input input--mono input--xs"
        inputMode="decimal"
        value={value}
        aria-label={`Temperatures ${label}`}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  );
}
