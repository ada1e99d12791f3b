import type { VersionWithApproval } from '../../../shared/approvals';
import { uiActions, type HistoryView } from '../../app/uiStore';
import { ColumnsIcon, RowsIcon } from '../../components/icons';
import { versionName } from '../../lib/approvalEvidence';
import type { CompareTarget } from './compareTarget';
import { WORKING } from './VersionList';

interface VersionToolbarProps {
  prompt: string;
  versions: readonly VersionWithApproval[];
  selected: string;
  view: HistoryView;
  /** What "compare with" means until one is picked (see compareTarget.ts). */
  fallback: CompareTarget | null;
  /** The picked other side, when it still exists. */
  picked: string | null;
}

/** Changes or source; what to compare with; side by side or inline. */
export function VersionToolbar({ prompt, versions, selected, view, fallback, picked }: VersionToolbarProps) {
  const update = (patch: Partial<HistoryView>) => uiActions.updateHistoryView(prompt, patch);
  const fallbackLabel = fallback
    ? `${fallback.reason === 'previous approved' ? 'Previous approved' : 'Previous version'}, ${versionName(fallback.version)}`
    : 'Previous version (none)';
  return (
    <div className="history__toolbar">
      <div className="segmented" role="group" aria-label="Show">
        <button type="button" aria-pressed={view.mode === 'changes'} onClick={() => update({ mode: 'changes' })}>
          Changes
        </button>
        <button type="button" aria-pressed={view.mode === 'source'} onClick={() => update({ mode: 'source' })}>
          Source
        </button>
      </div>
      {view.mode === 'changes' && (
        <label className="history__compare">
          <span>Compare with</span>
          <select className="select select--sm" aria-label="Compare with" value={picked ?? ''} onChange={(event) => update({ compareWith: event.target.value || null })}>
            <option value="">{fallbackLabel}</option>
            {selected !== WORKING && <option value={WORKING}>Draft (working files)</option>}
            {versions
              .filter((entry) => entry.oid !== selected)
              .map((entry) => (
                <option key={entry.oid} value={entry.oid}>
                  {versionName(entry)} · {entry.summary}
                </option>
              ))}
          </select>
        </label>
      )}
      {view.mode === 'changes' && (
        <div className="segmented" role="group" aria-label="Diff layout">
          <button type="button" aria-pressed={view.layout === 'split'} aria-label="Side by side" title="Side by side" onClick={() => update({ layout: 'split' })}>
            <ColumnsIcon size={14} />
          </button>
          <button type="button" aria-pressed={view.layout === 'inline'} aria-label="Inline" title="Inline" onClick={() => update({ layout: 'inline' })}>
            <RowsIcon size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
