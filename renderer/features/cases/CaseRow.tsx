import type { KeyboardEvent } from 'react';
import { readCheck } from '../../../shared/checks/checkDefinition';
import type { PromptCase } from '../../../shared/prompts';
import { ArrowDownIcon, ArrowUpIcon, ChevronRightIcon, CopyIcon, TrashIcon, WarningIcon } from '../../components/icons';
import { CaseCell } from './CaseCell';
import { RowButton } from './RowButton';
import { CaseChecks } from './checks/CaseChecks';
import type { RowProblems, SchemaField } from './caseModel';

export interface CaseRowActions {
  rename(index: number, name: string): void;
  setInput(index: number, key: string, value: unknown): void;
  move(index: number, delta: -1 | 1, focusColumn?: string): void;
  duplicate(index: number): void;
  remove(index: number): void;
  preview(name: string): void;
  setChecks(index: number, checks: unknown[]): void;
  removeCheck(index: number, checkIndex: number): void;
  showChecks(index: number, open: boolean): void;
}

interface CaseRowProps {
  entry: PromptCase;
  index: number;
  count: number;
  columns: readonly string[];
  fields: ReadonlyMap<string, SchemaField>;
  problems: RowProblems | undefined;
  previewed: boolean;
  /** JSON paths the output schema promises, offered for json-path checks. */
  outputPaths: readonly string[];
  /** Whether the case's checks were opened or closed; left alone, they are open when one needs fixing. */
  checksShown: boolean | undefined;
  actions: CaseRowActions;
}

/** One case: its name, one cell per input, and its row actions (Alt+↑/↓ moves it). */
export function CaseRow({ entry, index, count, columns, fields, problems, previewed, outputPaths, checksShown, actions }: CaseRowProps) {
  const label = entry.name.trim() || `case ${index + 1}`;
  const checks = entry.expect ?? [];
  const badChecks = checks.filter((check) => !readCheck(check).ok).length;
  // Open from the start when a check needs fixing, so a problem is never hidden.
  const checksOpen = checksShown ?? badChecks > 0;
  const checksId = `case-checks-${index}`;

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const column = (event.target as HTMLElement).dataset.caseColumn;
    actions.move(index, event.key === 'ArrowUp' ? -1 : 1, column);
  }

  return (
    <>
    <tr className={`case-row${previewed ? ' is-previewed' : ''}${checksOpen ? ' has-checks-open' : ''}`} onKeyDown={onKeyDown}>
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
          <button
            type="button"
            className={`case-checks-toggle${badChecks > 0 ? ' has-problem' : ''}`}
            aria-expanded={checksOpen}
            aria-controls={checksOpen ? checksId : undefined}
            title={badChecks > 0 ? `${badChecks} of these checks cannot be read` : 'What every output for this case must do'}
            onClick={() => actions.showChecks(index, !checksOpen)}
          >
            <ChevronRightIcon size={11} className="case-checks-toggle__chevron" />
            Checks{checks.length > 0 ? ` (${checks.length})` : ''}
            {badChecks > 0 && <WarningIcon size={11} />}
          </button>
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
          <RowButton label={`Move “${label}” up`} disabled={index === 0} onClick={() => actions.move(index, -1)}>
            <ArrowUpIcon size={13} />
          </RowButton>
          <RowButton label={`Move “${label}” down`} disabled={index === count - 1} onClick={() => actions.move(index, 1)}>
            <ArrowDownIcon size={13} />
          </RowButton>
          <RowButton label={`Duplicate “${label}”`} onClick={() => actions.duplicate(index)}>
            <CopyIcon size={13} />
          </RowButton>
          <RowButton label={`Delete “${label}”`} danger onClick={() => actions.remove(index)}>
            <TrashIcon size={13} />
          </RowButton>
        </div>
      </td>
    </tr>
    {checksOpen && (
      <tr className="case-checks-row" id={checksId}>
        <td />
        <td colSpan={columns.length + 2}>
          <CaseChecks
            checks={checks}
            owner={label}
            paths={outputPaths}
            onChange={(next) => actions.setChecks(index, next)}
            onRemove={(checkIndex) => actions.removeCheck(index, checkIndex)}
          />
        </td>
      </tr>
    )}
    </>
  );
}
