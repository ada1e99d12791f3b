import { useState } from 'react';
import { useLeaveGuard } from '../../app/leaveGuard';
import { deepEqual } from '../../lib/caseList';
import { parseJsonCell } from './caseModel';

interface CaseCellProps {
  value: unknown;
  /** How an empty cell is edited: strings as text, other types as JSON. */
  kind: 'text' | 'json';
  label: string;
  problem?: string;
  onChange(value: unknown): void;
  /** Where the cell sits, for moving focus with the keyboard. */
  row: number;
  column: string;
}

/** One input of one case. Text as written; anything else as JSON, with a parse error shown in place. */
export function CaseCell({ value, kind, label, problem, onChange, row, column }: CaseCellProps) {
  const json = value === undefined ? kind === 'json' : typeof value !== 'string';
  const format = (input: unknown) => (input === undefined ? '' : json ? JSON.stringify(input, null, 2) : String(input));
  // JSON text can be invalid for a while as it is typed; it stays here until it parses.
  const [text, setText] = useState(() => format(value));
  const [shownValue, setShownValue] = useState(value);
  const [jsonError, setJsonError] = useState<string | null>(null);
  if (!deepEqual(value, shownValue)) {
    setShownValue(value);
    setText(format(value));
    setJsonError(null);
  }
  const message = jsonError ?? problem;
  // Text that does not parse yet is only here: the draft has the last value that did.
  useLeaveGuard(jsonError !== null, `the input “${column}” you are typing (it is not valid JSON yet)`);
  const messageId = `case-cell-${row}-${column}-message`;

  return (
    <div className={`case-cell${json ? ' case-cell--json' : ''}${message ? ' has-problem' : ''}`}>
      <textarea
        className="case-cell__input"
        aria-label={label}
        aria-invalid={jsonError !== null}
        aria-describedby={message ? messageId : undefined}
        data-case-row={row}
        data-case-column={column}
        rows={1}
        spellCheck={!json}
        placeholder={json ? 'JSON' : 'not set'}
        value={json ? text : typeof value === 'string' ? value : ''}
        onChange={(event) => {
          const next = event.target.value;
          if (!json) {
            onChange(next === '' ? undefined : next);
            return;
          }
          setText(next);
          const parsed = parseJsonCell(next);
          if (parsed.ok) {
            setJsonError(null);
            setShownValue(parsed.value);
            onChange(parsed.value);
          } else {
            setJsonError(parsed.error);
          }
        }}
      />
      {message && (
        <span id={messageId} className={`case-cell__message${jsonError ? ' case-cell__message--error' : ''}`}>
          {message}
        </span>
      )}
    </div>
  );
}
