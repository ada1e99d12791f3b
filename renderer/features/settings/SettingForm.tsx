import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useLeaveGuard } from '../../app/leaveGuard';
import { Button } from '../../components/Button';
import { errorMessage } from '../../components/ErrorState';

interface SettingFormProps {
  label: string;
  /** Says where the current value comes from, or what it does. */
  hint?: ReactNode;
  /** The saved value as text; the field starts from it (key the form by it to follow outside changes). */
  value: string;
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;
  /** Checks the text and saves it; returns a problem to show instead, or null. */
  onSave(text: string): string | null;
  pending: boolean;
  error: unknown;
  /** Extra buttons beside Save, e.g. "Use default". */
  extra?: ReactNode;
}

/** One setting: a field, and a Save button that appears once it differs from what is saved (Enter saves too). */
export function SettingForm({ label, hint, value, input, onSave, pending, error, extra }: SettingFormProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const changed = text.trim() !== value.trim();
  const shownError = problem ?? (error ? errorMessage(error) : null);
  useLeaveGuard(changed, `your new value for “${label}”`);

  return (
    <form
      className="setting-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!changed || pending) return;
        setProblem(onSave(text.trim()));
      }}
    >
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="setting-form__row">
        <input
          id={id}
          className="input"
          value={text}
          aria-invalid={shownError !== null}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
          {...input}
        />
        {changed && (
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </Button>
        )}
        {changed && (
          <Button variant="ghost" onClick={() => setText(value)}>
            Undo
          </Button>
        )}
        {!changed && extra}
      </div>
      <span id={`${id}-hint`} className={shownError ? 'field__error' : 'field__hint'} role={shownError ? 'alert' : undefined}>
        {shownError ?? hint}
      </span>
    </form>
  );
}
