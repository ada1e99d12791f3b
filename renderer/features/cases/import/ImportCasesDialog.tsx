import { useMemo, useState, type ChangeEvent } from 'react';
import type { PromptCase } from '../../../../shared/prompts';
import { Button } from '../../../components/Button';
import { Dialog, DialogError } from '../../../components/Dialog';
import { CheckIcon, FileIcon, WarningIcon } from '../../../components/icons';
import { previewCaseValue } from '../../../lib/caseValues';
import { plural } from '../../../lib/labels';
import type { SchemaField } from '../caseModel';
import { IGNORE_TARGET, NAME_TARGET, autoMapColumns, buildImportedRows, type ImportedRow } from './caseImport';
import type { FieldSpec } from './fieldTypes';
import { readImport } from './readImport';

export interface ImportSource {
  text: string;
  fileName: string | null;
}

interface ImportCasesDialogProps {
  source: ImportSource;
  fields: readonly SchemaField[];
  specs: ReadonlyMap<string, FieldSpec>;
  /** The cases as they are, for names already taken. */
  existing: readonly PromptCase[];
  onClose(): void;
  onImport(rows: ImportedRow[]): void;
}

/** Rows shown in the preview; the import itself takes them all. */
const PREVIEW_ROWS = 100;

/** CSV, TSV or JSON Lines to cases: columns mapped to inputs, every row checked against the schema before it is imported. */
export function ImportCasesDialog({ source, fields, specs, existing, onClose, onImport }: ImportCasesDialogProps) {
  const [text, setText] = useState(source.text);
  const [fileName, setFileName] = useState(source.fileName);
  const [fileError, setFileError] = useState<string | null>(null);
  const [includeInvalid, setIncludeInvalid] = useState(false);
  const read = useMemo(() => (text.trim() === '' ? null : readImport(text, fileName)), [text, fileName]);
  const header = read?.ok ? read.table.header : [];
  const headerKey = header.join('\u0000');
  // The person's choices, kept while the columns stay the same; new columns start from the names.
  const [mapping, setMapping] = useState<{ key: string; targets: Record<string, string> }>({ key: '', targets: {} });
  const targets = mapping.key === headerKey ? mapping.targets : autoMapColumns(header, fields);
  const rows = useMemo(
    () => (read?.ok ? buildImportedRows(read.table, targets, fields, specs, existing) : []),
    [read, targets, fields, specs, existing],
  );
  const valid = rows.filter((row) => row.problems.length === 0);
  const chosen = includeInvalid ? rows : valid;
  const mapped = header.filter((column) => targets[column] !== NAME_TARGET && targets[column] !== IGNORE_TARGET);
  // Without a schema any column can be an input of its own name.
  const inputChoices = fields.length > 0 ? fields.map((field) => field.name) : header;

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      setText(await file.text());
      setFileName(file.name);
      setFileError(null);
    } catch {
      setFileError(`${file.name} could not be read. Check that it is a text file you can open.`);
    }
  }

  return (
    <Dialog
      open
      size="lg"
      onClose={onClose}
      title="Import cases"
      description="From a CSV or JSON Lines file, or rows pasted from a spreadsheet. The first row names the columns. Nothing is saved until you keep the imported cases."
      onSubmit={() => chosen.length > 0 && onImport(chosen)}
      footer={
        <>
          {rows.length > valid.length && (
            <label className="import-cases__include">
              <input type="checkbox" checked={includeInvalid} onChange={(event) => setIncludeInvalid(event.target.checked)} />
              Also import the {plural(rows.length - valid.length, 'row')} with problems (marked)
            </label>
          )}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={chosen.length === 0}>
            Import {plural(chosen.length, 'case')}
          </Button>
        </>
      }
    >
      <div className="import-cases__source">
        <label className="button button--default import-cases__file">
          <FileIcon size={14} />
          Choose a file…
          <input type="file" className="visually-hidden" accept=".csv,.tsv,.jsonl,.ndjson,.txt,text/csv" onChange={(event) => void chooseFile(event)} />
        </label>
        <span className="import-cases__file-name">{fileName ? `${fileName}${read?.ok ? ` · ${read.kind}` : ''}` : 'CSV, TSV or JSONL'}</span>
      </div>
      <label className="field">
        <span className="field__label">Or paste rows</span>
        <textarea
          className="textarea input--mono import-cases__paste"
          data-autofocus
          aria-label="Rows to import"
          placeholder={'name\tquestion\nfirst case\tWhat is…'}
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setFileName(null);
          }}
        />
      </label>
      {fileError && <DialogError>{fileError}</DialogError>}
      {read && !read.ok && <DialogError>{read.error}</DialogError>}
      {read?.ok && (
        <>
          <fieldset className="import-cases__mapping">
            <legend className="field__label">Columns</legend>
            {header.map((column) => (
              <label key={column} className="import-cases__column">
                <span className="import-cases__column-name">{column}</span>
                <span aria-hidden="true">→</span>
                <select
                  className="select"
                  aria-label={`Column “${column}” goes to`}
                  value={targets[column] ?? IGNORE_TARGET}
                  onChange={(event) => setMapping({ key: headerKey, targets: { ...targets, [column]: event.target.value } })}
                >
                  <option value={NAME_TARGET}>case name</option>
                  {inputChoices.map((name) => (
                    <option key={name} value={name}>
                      input: {name}
                    </option>
                  ))}
                  <option value={IGNORE_TARGET}>ignore</option>
                </select>
              </label>
            ))}
          </fieldset>
          <p className="import-cases__summary" role="status">
            {plural(rows.length, 'row')}: {valid.length} fit the input schema
            {rows.length > valid.length && <span className="import-cases__bad">, {rows.length - valid.length} with problems</span>}.
          </p>
          <div className="import-cases__preview">
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Fits</span>
                  </th>
                  <th scope="col">Case</th>
                  {mapped.map((column) => (
                    <th scope="col" key={column}>
                      {targets[column]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, PREVIEW_ROWS).map((row, index) => (
                  <PreviewRow key={index} row={row} inputs={mapped.map((column) => targets[column] ?? column)} />
                ))}
              </tbody>
            </table>
            {rows.length > PREVIEW_ROWS && <p className="import-cases__more">and {plural(rows.length - PREVIEW_ROWS, 'more row')}</p>}
          </div>
        </>
      )}
    </Dialog>
  );
}

function PreviewRow({ row, inputs }: { row: ImportedRow; inputs: readonly string[] }) {
  const bad = row.problems.length > 0;
  return (
    <>
      <tr className={bad ? 'has-problem' : undefined}>
        <td className="import-cases__status">
          {bad ? <WarningIcon size={12} /> : <CheckIcon size={12} />}
          <span className="visually-hidden">{bad ? 'Does not fit the schema' : 'Fits the schema'}</span>
        </td>
        <th scope="row">{row.entry.name}</th>
        {inputs.map((input) => (
          <td key={input}>{row.entry.input[input] === undefined ? '' : previewCaseValue(row.entry.input[input])}</td>
        ))}
      </tr>
      {bad && (
        <tr className="import-cases__problems">
          <td />
          <td colSpan={inputs.length + 1}>{row.problems.join(' ')}</td>
        </tr>
      )}
    </>
  );
}
