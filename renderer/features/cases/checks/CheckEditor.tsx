import { readCheck } from '../../../../shared/checks/checkDefinition';
import { ArrowDownIcon, ArrowUpIcon, TrashIcon, WarningIcon } from '../../../components/icons';
import { TextWithCode } from '../../../components/TextWithCode';
import { RowButton } from '../RowButton';
import { CheckFieldInput } from './CheckFieldInput';
import { CHECK_FIELDS, checkKindOf, checkSummary, setCheckField, setCheckName } from './checkForm';

export interface CheckEditorProps {
  raw: unknown;
  index: number;
  count: number;
  /** Whose check it is, for the inputs' accessible names. */
  owner: string;
  paths: readonly string[];
  onChange(next: unknown): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

/**
 * One check of a case: its fields, and what checkDefinition.ts (the reader the core uses) says is
 * wrong with it. A check this form cannot edit (no kind it knows) is shown as written, kept as is.
 */
export function CheckEditor({ raw, index, count, owner, paths, onChange, onMove, onRemove }: CheckEditorProps) {
  const read = readCheck(raw);
  const kind = checkKindOf(raw);
  const who = `check ${index + 1} of “${owner}”`;
  const name = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>).name : undefined;

  return (
    <li className={`check-editor${read.ok ? '' : ' has-problem'}`} aria-label={`Check ${index + 1}`}>
      <div className="check-editor__head">
        <span className="check-editor__kind">{kind ?? 'unknown'}</span>
        <span className="check-editor__summary">{checkSummary(read)}</span>
        <div className="check-editor__buttons">
          <RowButton label={`Move ${who} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            <ArrowUpIcon size={12} />
          </RowButton>
          <RowButton label={`Move ${who} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            <ArrowDownIcon size={12} />
          </RowButton>
          <RowButton label={`Delete ${who}`} danger onClick={onRemove}>
            <TrashIcon size={12} />
          </RowButton>
        </div>
      </div>
      {kind === null ? (
        <pre className="check-editor__raw selectable" aria-label={`${who} as written`}>
          {JSON.stringify(raw, null, 1) ?? String(raw)}
        </pre>
      ) : (
        <div className="check-editor__fields">
          {CHECK_FIELDS[kind].map((field, fieldIndex) => (
            <label key={field.key} className={`check-field check-field--${field.type}`}>
              <span className="check-field__label">{field.label}</span>
              <CheckFieldInput
                field={field}
                main={fieldIndex === 0}
                value={raw === 'json' ? undefined : (raw as Record<string, unknown>)[field.key]}
                label={`${field.label} of ${who}`}
                paths={paths}
                onChange={(value) => onChange(setCheckField(raw, field.key, value))}
              />
            </label>
          ))}
          <label className="check-field check-field--name">
            <span className="check-field__label">Name</span>
            <input
              className="check-field__input"
              aria-label={`Name of ${who}`}
              placeholder="optional"
              value={typeof name === 'string' ? name : ''}
              onChange={(event) => onChange(setCheckName(raw, event.target.value))}
            />
          </label>
        </div>
      )}
      {!read.ok && (
        <p className="check-editor__message" role="status">
          <WarningIcon size={12} />
          <span>
            <TextWithCode text={kind === null ? `${read.message} It is kept as written: fix it in the cases file, or delete it.` : read.message} />
          </span>
        </p>
      )}
    </li>
  );
}
