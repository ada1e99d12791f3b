import { useState } from 'react';
import { deepEqual } from '../../../lib/caseList';
import { formatField, parseField, type CheckField } from './checkForm';
import { PathInput } from './PathInput';

interface CheckFieldInputProps {
  field: CheckField;
  value: unknown;
  /** The main parameter (the kind's own key) is never removed, only emptied. */
  main: boolean;
  /** Accessible name: the field's label and whose check it is. */
  label: string;
  paths: readonly string[];
  onChange(value: unknown): void;
}

/** One field of a check. The text typed is kept while it means the same value ("0.50", a trailing line). */
export function CheckFieldInput({ field, value, main, label, paths, onChange }: CheckFieldInputProps) {
  const [text, setText] = useState(() => formatField(field.type, value));
  const [shownValue, setShownValue] = useState(value);
  if (!deepEqual(value, shownValue)) {
    setShownValue(value);
    setText(formatField(field.type, value));
  }
  const change = (next: string) => {
    setText(next);
    const parsed = parseField(field.type, next, main);
    setShownValue(parsed);
    onChange(parsed);
  };
  const common = { 'aria-label': label, spellCheck: false, placeholder: field.placeholder };

  switch (field.type) {
    case 'choice':
      return (
        <select className="check-field__input" aria-label={label} value={typeof value === 'string' ? value : ''} onChange={(event) => change(event.target.value)}>
          <option value="">{field.choices?.[0] ?? ''} (default)</option>
          {field.choices?.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      );
    case 'path':
      return <PathInput {...common} value={text} paths={paths} onChange={change} />;
    case 'longText':
    case 'lines':
    case 'valueLines':
      return <textarea {...common} className="check-field__input check-field__input--area" rows={1} value={text} onChange={(event) => change(event.target.value)} />;
    default:
      return (
        <input
          {...common}
          className={`check-field__input${field.type === 'number' ? ' check-field__input--number' : ''}`}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          value={text}
          onChange={(event) => change(event.target.value)}
        />
      );
  }
}
