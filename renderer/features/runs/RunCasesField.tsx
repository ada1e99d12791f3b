import type { PromptDetail } from '../../../shared/prompts';

interface RunCasesFieldProps {
  prompt: PromptDetail;
  value: string[];
  onChange(cases: string[]): void;
}

/** Which cases to run; all by default. A prompt without cases runs once with its input defaults. */
export function RunCasesField({ prompt, value, onChange }: RunCasesFieldProps) {
  const names = prompt.cases.map((entry) => entry.name);
  if (names.length === 0) {
    return (
      <div className="run-field">
        <span className="field__label">Cases</span>
        <p className="run-field__note">
          This prompt has no cases file, so each cell runs with the input defaults. Add cases on the Cases tab to vary the input.
        </p>
      </div>
    );
  }
  const toggle = (name: string) => onChange(value.includes(name) ? value.filter((entry) => entry !== name) : names.filter((entry) => entry === name || value.includes(entry)));
  return (
    <fieldset className="run-field run-cases">
      <div className="run-field__head">
        <legend className="field__label">Cases</legend>
        <span className="run-field__count">
          {value.length} of {names.length}
        </span>
        <span className="run-cases__bulk">
          <button type="button" className="text-link" onClick={() => onChange(names)} disabled={value.length === names.length}>
            All
          </button>
          <button type="button" className="text-link" onClick={() => onChange([])} disabled={value.length === 0}>
            None
          </button>
        </span>
      </div>
      <div className="run-cases__list">
        {names.map((name) => (
          <label key={name} className="run-cases__item" title={name}>
            <input type="checkbox" checked={value.includes(name)} onChange={() => toggle(name)} />
            <span>{name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
