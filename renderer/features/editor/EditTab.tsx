import { useRef } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import { usePromptCheck } from '../../api/queries';
import { usePreviewCase } from '../../app/uiStore';
import { ConflictNotice } from '../../components/ConflictNotice';
import { FileIcon } from '../../components/icons';
import { SaveStatus } from '../../components/SaveStatus';
import { SourceEditor } from '../../components/sourceEditor/LazySourceEditor';
import type { SourceEditorHandle } from '../../components/sourceEditor/SourceEditor';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useDraft, usePromptDraftsContext } from '../../lib/drafts/usePromptDrafts';
import { schemaFieldNames } from '../../lib/schemaLines';
import { LivePreview } from './LivePreview';
import { ProblemsList } from './ProblemsList';
import { TryOncePanel } from './tryOnce/TryOncePanel';
import './editTab.css';

export const CHECK_DELAY_MS = 250;

/** The `.prompt` source on the left, checked and rendered as you type on the right, with Try once below the preview. */
export function EditTab({ prompt }: { prompt: PromptDetail }) {
  const drafts = usePromptDraftsContext();
  const draft = useDraft(drafts.source);
  const editor = useRef<SourceEditorHandle>(null);
  const caseNames = prompt.cases.map((entry) => entry.name);
  const caseName = usePreviewCase(prompt.name, caseNames);
  const checkedSource = useDebouncedValue(draft.value, CHECK_DELAY_MS);
  const check = usePromptCheck(prompt.name, checkedSource, caseName, prompt.casesHash);
  const file = `prompts/${prompt.name}.prompt`;
  const problems = check.data?.problems ?? [];
  const fileProblems = problems.filter((problem) => problem.file === file);

  return (
    <div className="edit-tab">
      <section className="edit-pane" aria-label="Source">
        <div className="pane-toolbar">
          <span className="pane-toolbar__file">
            <FileIcon size={13} />
            <span className="selectable">{file}</span>
          </span>
          <SaveStatus snapshot={draft} onSave={() => void drafts.source.saveNow()} />
        </div>
        <ConflictNotice draft={drafts.source} snapshot={draft} file={file} />
        <div className="edit-pane__editor">
          <SourceEditor
            ref={editor}
            value={draft.value}
            onChange={(value) => drafts.source.edit(value)}
            problems={fileProblems}
            variables={schemaFieldNames(prompt.inputSchema)}
            label="Prompt source"
          />
        </div>
        <ProblemsList
          problems={problems}
          checking={check.isFetching}
          failed={check.isError ? check.error : null}
          onSelect={(problem) => {
            if (problem.file === file) editor.current?.focusAt(problem.line ?? 1, problem.column ?? 1);
          }}
        />
      </section>
      <div className="edit-tab__side">
        <LivePreview prompt={prompt.name} caseNames={caseNames} caseName={caseName} check={check} />
        <TryOncePanel prompt={prompt} source={draft.value} caseName={caseName} renderedConfig={check.data?.rendered?.config} />
      </div>
    </div>
  );
}
