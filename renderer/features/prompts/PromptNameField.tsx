import { errorMessage } from '../../components/ErrorState';

interface PromptNameFieldProps {
  name: string;
  onChange(name: string): void;
  /** A problem with the name as typed, shown once the person has typed. */
  problem: string | null;
  /** The core's ALREADY_EXISTS answer, if that is what came back. */
  existsError: unknown;
  placeholder?: string;
  /** Select the text on focus (renaming starts from the current name). */
  selectOnFocus?: boolean;
}

/** The name of a prompt file, checked as the core checks it, with where it will be saved. */
export function PromptNameField({ name, onChange, problem, existsError, placeholder, selectOnFocus }: PromptNameFieldProps) {
  const failing = Boolean(problem) || Boolean(existsError);
  return (
    <label className="field">
      <span className="field__label">Name</span>
      <input
        className="input input--mono"
        value={name}
        autoFocus
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        aria-invalid={failing}
        onChange={(event) => onChange(event.target.value)}
        onFocus={selectOnFocus ? (event) => event.currentTarget.select() : undefined}
      />
      <span className={failing ? 'field__error' : 'field__hint'} role={failing ? 'alert' : undefined}>
        {problem ?? (existsError ? errorMessage(existsError) : `Saved as prompts/${name || '…'}.prompt`)}
      </span>
    </label>
  );
}
