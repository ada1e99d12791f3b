import { useEffect, useRef, useState } from 'react';
import { RUN_LABEL_MAX, type RunSummary } from '../../../shared/runs';
import { useLabelRun } from '../../api/runCurationQueries';
import { errorMessage } from '../../components/ErrorState';
import { PencilIcon } from '../../components/icons';

/** A run's label, named in place: Enter or leaving the field saves, Esc puts it back; blank clears it. */
export function RunLabelEditor({ run }: { run: RunSummary }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(run.label ?? '');
  const input = useRef<HTMLInputElement>(null);
  const save = useLabelRun();
  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  function finish(keep: boolean) {
    setEditing(false);
    if (!keep || text.trim() === (run.label ?? '')) return setText(run.label ?? '');
    save.mutate({ runId: run.runId, label: text });
  }

  if (editing) {
    return (
      <input
        ref={input}
        className="all-runs__label-input"
        aria-label="Run label"
        value={text}
        maxLength={RUN_LABEL_MAX}
        placeholder="Name this run"
        onChange={(event) => setText(event.target.value)}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Enter') finish(true);
          if (event.key === 'Escape') finish(false);
        }}
        onBlur={() => finish(true)}
      />
    );
  }
  return (
    <span className="all-runs__label">
      {run.label ? <span className="all-runs__label-text">{run.label}</span> : <span className="all-runs__faint">Unnamed</span>}
      <button
        type="button"
        className="all-runs__icon-button all-runs__rename"
        aria-label={run.label ? `Rename “${run.label}”` : 'Name this run'}
        title="Name this run"
        onClick={(event) => {
          event.stopPropagation();
          setText(run.label ?? '');
          setEditing(true);
        }}
      >
        <PencilIcon size={12} />
      </button>
      {save.isError && (
        <span className="all-runs__error" role="alert">
          Couldn’t save the label: {errorMessage(save.error)}
        </span>
      )}
    </span>
  );
}
