import { useEffect, useMemo, useState, type DragEvent, type ReactNode } from 'react';
import type { DraftedCases } from '../../../shared/caseDrafts';
import { schemaPaths } from '../../../shared/checks/schemaPaths';
import type { PromptCase, PromptDetail } from '../../../shared/prompts';
import { useLeaveGuard } from '../../app/leaveGuard';
import { uiActions, usePreviewCase } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { FileIcon, ListIcon, PlusIcon, RefreshIcon } from '../../components/icons';
import { ConflictNotice } from '../../components/ConflictNotice';
import { SaveStatus } from '../../components/SaveStatus';
import { useDraft, usePromptDraftsContext } from '../../lib/drafts/usePromptDrafts';
import { caseColumns } from '../../lib/caseValues';
import { plural } from '../../lib/labels';
import { ProblemsBanner } from '../../components/ProblemsBanner';
import {
  addCase,
  duplicateCase,
  insertCase,
  moveCase,
  removeCase,
  renameCase,
  schemaFields,
  setCaseChecks,
  setCaseInput,
  validateCases,
} from './caseModel';
import { CasesTable } from './CasesTable';
import { DraftCasesDialog } from './DraftCasesDialog';
import { PendingCases } from './PendingCases';
import { pendingCases, usePendingCases } from './pendingCases';
import type { ImportedRow } from './import/caseImport';
import { fieldTypes } from './import/fieldTypes';
import { ImportCasesDialog, type ImportSource } from './import/ImportCasesDialog';
import { insertCheck, removeCheck } from './checks/checkList';
import { PromptWideChecks } from './checks/PromptWideChecks';
import './checks/checks.css';
import './casesTab.css';
import './casesImport.css';

const UNDO_MS = 8000;

/** `<name>.cases.yaml` as an editable table, saved as you go. */
export function CasesTab({ prompt }: { prompt: PromptDetail }) {
  const drafts = usePromptDraftsContext();
  const draft = useDraft(drafts.cases);
  const cases = draft.value;
  // The last deletion (a case or one check), until it is undone or the bar times out.
  const [deleted, setDeleted] = useState<{ what: ReactNode; restore(cases: PromptCase[]): PromptCase[] } | null>(null);
  const file = `prompts/${prompt.name}.cases.yaml`;
  const fileProblems = prompt.problems.filter((problem) => problem.file === file);
  const fields = schemaFields(prompt.inputSchema);
  const fieldMap = new Map(fields.map((field) => [field.name, field]));
  const columns = caseColumns(fields.map((field) => field.name), cases.map((entry) => entry.input));
  const validation = validateCases(cases, fields, prompt.inputSchema !== undefined);
  const previewCase = usePreviewCase(prompt.name, cases.map((entry) => entry.name));
  // Opened or closed checks, by case name: the choice follows a case as it moves or is renamed.
  const [checksShown, setChecksShown] = useState<ReadonlyMap<string, boolean>>(new Map());
  const outputPaths = useMemo(() => schemaPaths(prompt.outputSchema), [prompt.outputSchema]);
  const specs = useMemo(() => fieldTypes(prompt.inputSchema), [prompt.inputSchema]);
  // Imported or drafted rows a person has not kept or dropped yet (never in the file until kept).
  const pending = usePendingCases(prompt.name);
  const pendingColumns = caseColumns(columns, pending.map((row) => row.entry.input));
  const [importing, setImporting] = useState<ImportSource | null>(null);
  const [drafting, setDrafting] = useState(false);
  const [dragging, setDragging] = useState(false);
  // They outlive the tab for the window's life, so moving around the app keeps them; only a reload
  // or closing the window would lose them, and that asks first.
  useLeaveGuard(pending.length > 0, `${plural(pending.length, 'imported or drafted case')} you have not kept or dropped`, () => true);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const edit = (next: PromptCase[]) => drafts.cases.edit(next);
  const actions = {
    rename(index: number, name: string) {
      // The previews follow a case through its rename.
      const previous = cases[index]?.name;
      if (previous === previewCase) uiActions.setPreviewCase(prompt.name, name);
      if (previous !== undefined && checksShown.has(previous)) {
        const next = new Map(checksShown);
        next.set(name, checksShown.get(previous) ?? false);
        next.delete(previous);
        setChecksShown(next);
      }
      edit(renameCase(cases, index, name));
    },
    setInput: (index: number, key: string, value: unknown) => edit(setCaseInput(cases, index, key, value)),
    move(index: number, delta: -1 | 1, focusColumn?: string) {
      edit(moveCase(cases, index, delta));
      if (focusColumn) focusCell(index + delta, focusColumn);
    },
    duplicate: (index: number) => edit(duplicateCase(cases, index)),
    remove(index: number) {
      const entry = cases[index];
      if (!entry) return;
      edit(removeCase(cases, index));
      setDeleted({
        what: (
          <>
            case “<strong>{entry.name}</strong>”
          </>
        ),
        restore: (current) => insertCase(current, index, entry),
      });
    },
    preview: (name: string) => uiActions.setPreviewCase(prompt.name, name),
    showChecks(index: number, open: boolean) {
      const name = cases[index]?.name;
      if (name !== undefined) setChecksShown(new Map(checksShown).set(name, open));
    },
    setChecks: (index: number, checks: unknown[]) => edit(setCaseChecks(cases, index, checks)),
    removeCheck(index: number, checkIndex: number) {
      const entry = cases[index];
      const checks = entry?.expect ?? [];
      if (!entry || checkIndex >= checks.length) return;
      const check = checks[checkIndex];
      edit(setCaseChecks(cases, index, removeCheck(checks, checkIndex)));
      setDeleted({
        what: (
          <>
            check {checkIndex + 1} of “<strong>{entry.name}</strong>”
          </>
        ),
        // Back into the same case, found by its name if the cases moved meanwhile.
        restore(current) {
          const at = current[index]?.name === entry.name ? index : current.findIndex((other) => other.name === entry.name);
          if (at < 0) return current;
          return setCaseChecks(current, at, insertCheck(current[at]?.expect ?? [], checkIndex, check));
        },
      });
    },
  };

  const imported = (rows: ImportedRow[]) => {
    pendingCases.add(prompt.name, rows.map((row) => ({ entry: row.entry, problems: row.problems, origin: 'imported' as const })));
    setImporting(null);
  };
  const drafted = (result: DraftedCases) => {
    pendingCases.add(prompt.name, result.cases.map(({ problems, ...entry }) => ({ entry, problems, origin: 'drafted' as const })));
    setDrafting(false);
  };
  // A file dropped anywhere on the tab opens the import with its text.
  const dropHandlers = {
    onDragOver(event: DragEvent) {
      if (!event.dataTransfer.types.includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave(event: DragEvent) {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
    },
    onDrop(event: DragEvent) {
      const file = event.dataTransfer.files[0];
      setDragging(false);
      if (!file) return;
      event.preventDefault();
      void file.text().then(
        (text) => setImporting({ text, fileName: file.name }),
        () => setImporting({ text: '', fileName: null }),
      );
    },
  };

  // A cases file that does not parse cannot be shown as a table; saving one would overwrite it.
  const unreadable = fileProblems.length > 0 && prompt.cases.length === 0 && prompt.casesSource.trim() !== '';
  if (unreadable && cases.length === 0) {
    return (
      <>
        <ProblemsBanner problems={fileProblems} />
        <p className="card card--dashed">
          The table appears once <code>{file}</code> reads as a list of cases, each with a <code>name</code> and an{' '}
          <code>input</code> mapping. Fix it in a text editor; this page follows the file as it changes.
        </p>
      </>
    );
  }

  return (
    <div className={`cases-tab${dragging ? ' is-dropping' : ''}`} {...dropHandlers}>
      <div className="cases-toolbar">
        <div className="cases-toolbar__summary">
          <span className="cases-toolbar__file selectable">{file}</span>
          <span>{plural(cases.length, 'case')}</span>
          {validation.count > 0 && (
            <span className="cases-toolbar__problems">{plural(validation.count, 'problem')} with the input schema</span>
          )}
        </div>
        <SaveStatus snapshot={draft} onSave={() => void drafts.cases.saveNow()} />
        <Button onClick={() => setImporting({ text: '', fileName: null })} title="From a CSV or JSON Lines file, or rows pasted from a spreadsheet (or drop a file here)">
          <FileIcon size={14} />
          Import…
        </Button>
        <Button onClick={() => setDrafting(true)} title="Ask a model for new cases that fit the input schema">
          <RefreshIcon size={14} />
          Draft more cases
        </Button>
        <Button onClick={() => addAndFocus(edit, cases)}>
          <PlusIcon size={14} />
          Add case
        </Button>
      </div>
      {pending.length > 0 && (
        <PendingCases prompt={prompt.name} rows={pending} columns={pendingColumns} cases={() => drafts.cases.getSnapshot().value} edit={edit} />
      )}
      <ConflictNotice draft={drafts.cases} snapshot={draft} file={file} />
      {prompt.promptChecks && prompt.promptChecks.length > 0 && <PromptWideChecks promptName={prompt.name} checks={prompt.promptChecks} />}
      {cases.length === 0 ? (
        <div className="card card--dashed">
          <EmptyState
            compact
            icon={<ListIcon size={16} />}
            title="No cases yet"
            actions={
              <>
                <Button variant="primary" onClick={() => addAndFocus(edit, cases)}>
                  <PlusIcon size={14} />
                  Add the first case
                </Button>
                <Button onClick={() => setImporting({ text: '', fileName: null })}>
                  <FileIcon size={14} />
                  Import cases…
                </Button>
              </>
            }
          >
            <p>A case is one named set of inputs. Runs sample every case, and the previews render one.</p>
          </EmptyState>
        </div>
      ) : (
        <CasesTable
          cases={cases}
          columns={columns}
          fields={fieldMap}
          validation={validation}
          previewCase={previewCase}
          outputPaths={outputPaths}
          checksShown={checksShown}
          actions={actions}
        />
      )}
      {deleted && (
        <div className="undo-bar" role="status">
          <span>Deleted {deleted.what}.</span>
          <Button
            variant="ghost"
            className="button--sm"
            onClick={() => {
              edit(deleted.restore(drafts.cases.getSnapshot().value));
              setDeleted(null);
            }}
          >
            Undo
          </Button>
        </div>
      )}
      <p className="cases-hint">
        Empty cells are left out of the file. Values other than text are JSON. A case's checks are saved with it, under{' '}
        <code>expect</code>. <kbd className="kbd">Alt</kbd>+
        <kbd className="kbd">↑</kbd>/<kbd className="kbd">↓</kbd> moves the case you are in. Drop a CSV or JSON Lines file here to import it.
      </p>
      {importing && (
        <ImportCasesDialog source={importing} fields={fields} specs={specs} existing={[...cases, ...pending.map((row) => row.entry)]} onClose={() => setImporting(null)} onImport={imported} />
      )}
      {drafting && <DraftCasesDialog prompt={prompt} caseCount={cases.length} onClose={() => setDrafting(false)} onDrafted={drafted} />}
    </div>
  );
}

function addAndFocus(edit: (cases: PromptCase[]) => void, cases: readonly PromptCase[]) {
  edit(addCase(cases));
  focusCell(cases.length, ':name');
}

/** Focus follows a moved or added row, once it has rendered. */
function focusCell(row: number, column: string) {
  requestAnimationFrame(() => {
    const selector = `[data-case-row="${row}"][data-case-column="${CSS.escape(column)}"]`;
    document.querySelector<HTMLElement>(selector)?.focus();
  });
}
