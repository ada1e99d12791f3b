import type { KeyboardEvent, ReactNode } from 'react';
import type { PromptCase } from '../../../shared/prompts';
import { ArrowDownIcon, ArrowUpIcon, CopyIcon, TrashIcon } from '../../components/icons';
import { CaseCell } from './CaseCell';
import type { RowProblems, SchemaField } from './caseModel';

export interface CaseRowActions {
  rename(index: number, name: string): void;
  setInput(index: number, key: string, value: unknown): void;
  move(index: number, delta: -1 | 1, focusColumn?: string): void;
  duplicate(index: number): void;
  remove(index: number): void;
  preview(name: string): void;
}

interface CaseRowProps {
  entry: PromptCase;
  index: number;
  count: number;
  columns: readonly string[];
  fields: ReadonlyMap<string, SchemaField>;
  problems: RowProblems | undefined;
  previewed: boolean;
  actions: CaseRowActions;
}

/** One case: its name, one cell per input, and its row actions (Alt+↑/↓ moves it). */
export function CaseRow({ entry, index, count, columns, fields, problems, previewed, actions }: CaseRowProps) {
  const label = entry.name.trim() || `case ${index + 1}`;

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const column = (event.target as HTMLElement).dataset.caseColumn;
    actions.move(index, event.key === 'ArrowUp' ? -1 : 1, column);
  }

  return (
    <tr className={`case-row${previewed ? ' is-previewed' : ''}`} onKeyDown={onKeyDown}>
      <td className="case-row__preview">
        <input
          type="radio"
          name="preview-case"
          checked={previewed}
          aria-label={`Preview with “${label}”`}
          title="Use this case in the previews"
          onChange={() => actions.preview(entry.name)}
        />
      </td>
      <th scope="row" className="case-row__name">
        <div className={`case-cell${problems?.name ? ' has-problem' : ''}`}>
          <input
            className="case-cell__input case-cell__input--name"
            aria-label={`Name of case ${index + 1}`}
            data-case-row={index}
            data-case-column=":name"
            value={entry.name}
            spellCheck={false}
            onChange={(event) => actions.rename(index, event.target.value)}
          />
          {problems?.name && <span className="case-cell__message">{problems.name}</span>}
        </div>
      </th>
      {columns.map((column) => (
        <td key={column}>
          <CaseCell
            value={entry.input[column]}
            kind={fields.get(column)?.kind ?? 'text'}
            label={`${column} of “${label}”`}
            problem={problems?.cells[column]}
            onChange={(value) => actions.setInput(index, column, value)}
            row={index}
            column={column}
          />
        </td>
      ))}
      <td className="case-row__actions">
        <div className="case-row__buttons">
          <IconButton label={`Move “${label}” up`} disabled={index === 0} onClick={() => actions.move(index, -1)}>
            <ArrowUpIcon size={13} />
          </IconButton>
          <IconButton label={`Move “${label}” down`} disabled={index === count - 1} onClick={() => actions.move(index, 1)}>
            <ArrowDownIcon size={13} />
          </IconButton>
          <IconButton label={`Duplicate “${label}”`} onClick={() => actions.duplicate(index)}>
            <CopyIcon size={13} />
          </IconButton>
          <IconButton label={`Delete “${label}”`} danger onClick={() => actions.remove(index)}>
            <TrashIcon size={13} />
          </IconButton>
        </div>
      </td>
    </tr>
  );
}

interface IconButtonProps {
  label: string;
  onClick(): void;
  disabled?: boolean;
  danger?: boolean;
  children: ReactNode;
}

function IconButton({ label, onClick, disabled, danger, children }: IconButtonProps) {
  return (
    <button
      type="button"
      className={`case-row__button${danger ? ' case-row__button--danger' : ''}`}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
