import type { PromptCase } from '../../../shared/prompts';
import { WarningIcon } from '../../components/icons';
import { CaseRow, type CaseRowActions } from './CaseRow';
import type { CasesValidation, SchemaField } from './caseModel';

interface CasesTableProps {
  cases: readonly PromptCase[];
  columns: readonly string[];
  fields: ReadonlyMap<string, SchemaField>;
  validation: CasesValidation;
  previewCase: string | undefined;
  outputPaths: readonly string[];
  /** Cases whose checks were opened (true) or closed (false), by name. */
  checksShown: ReadonlyMap<string, boolean>;
  actions: CaseRowActions;
}

// Fixed column widths, so long values wrap inside their cell instead of widening the table.
const PREVIEW_WIDTH = 36;
const NAME_WIDTH = 190;
const INPUT_MIN_WIDTH = 180;
const ACTIONS_WIDTH = 116;

/** Rows are cases, columns are the inputs the schema declares (then any others the cases use). */
export function CasesTable({ cases, columns, fields, validation, previewCase, outputPaths, checksShown, actions }: CasesTableProps) {
  const unknown = new Set(validation.unknownKeys);
  const minWidth = PREVIEW_WIDTH + NAME_WIDTH + columns.length * INPUT_MIN_WIDTH + ACTIONS_WIDTH;
  return (
    <div className="case-table-wrap card" role="region" aria-label="Cases table">
      <table className="case-table" style={{ minWidth }}>
        <colgroup>
          <col style={{ width: PREVIEW_WIDTH }} />
          <col style={{ width: NAME_WIDTH }} />
          {columns.map((column) => (
            <col key={column} />
          ))}
          <col style={{ width: ACTIONS_WIDTH }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="case-table__preview-col" title="The case the previews use">
              <span className="visually-hidden">Preview</span>
            </th>
            <th scope="col" className="case-table__name-col">
              Case
            </th>
            {columns.map((column) => {
              const field = fields.get(column);
              return (
                <th scope="col" key={column} title={field?.description}>
                  <span className="case-table__column">
                    {column}
                    {field?.required && (
                      <span className="case-table__required" title="Required by the input schema">
                        required
                      </span>
                    )}
                    {unknown.has(column) && (
                      <span className="case-table__unknown" title="The input schema does not declare this key">
                        <WarningIcon size={12} />
                        <span className="visually-hidden">not in the input schema</span>
                      </span>
                    )}
                  </span>
                </th>
              );
            })}
            <th scope="col" className="case-table__actions-col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cases.map((entry, index) => (
            <CaseRow
              // Rows have no identity of their own (names can change or repeat); each cell
              // resets from its value when the row under it changes.
              key={index}
              entry={entry}
              index={index}
              count={cases.length}
              columns={columns}
              fields={fields}
              problems={validation.rows[index]}
              previewed={entry.name === previewCase}
              outputPaths={outputPaths}
              checksShown={checksShown.get(entry.name)}
              actions={actions}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
