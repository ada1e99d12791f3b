import { useId } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import { usePromptHistory } from '../../api/versionQueries';
import { relativeTime } from '../../lib/relativeTime';

interface RunVersionFieldProps {
  prompt: PromptDetail;
  /** A commit id, or null for the working files. */
  value: string | null;
  onChange(ref: string | null): void;
}

/** Which version to sample: the working files (the draft) or any commit of the prompt. */
export function RunVersionField({ prompt, value, onChange }: RunVersionFieldProps) {
  const id = useId();
  const history = usePromptHistory(prompt.name);
  const versions = history.data ?? [];
  return (
    <div className="run-field">
      <label className="field__label" htmlFor={id}>
        Version
      </label>
      <select id={id} className="input select" value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">{prompt.dirty ? 'Working files (uncommitted draft)' : 'Working files (same as the latest commit)'}</option>
        {value && !versions.some((version) => version.oid === value) && <option value={value}>{value.slice(0, 7)}</option>}
        {versions.map((version) => (
          <option key={version.oid} value={version.oid}>
            {version.shortOid} · {version.summary} · {relativeTime(version.date)}
          </option>
        ))}
      </select>
      {history.isError && <span className="field__error">Couldn’t read the history; only the working files can run.</span>}
    </div>
  );
}
