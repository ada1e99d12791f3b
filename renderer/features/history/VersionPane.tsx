import { useState } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import type { Version } from '../../../shared/versions';
import { uiActions, type HistoryView } from '../../app/uiStore';
import { Button } from '../../components/Button';
import { ColumnsIcon, RestoreIcon, RowsIcon } from '../../components/icons';
import { DiffPanel } from './DiffPanel';
import { RestoreDialog } from './RestoreDialog';
import { VersionHeading } from './VersionHeading';
import { VersionSource } from './VersionSource';
import { WORKING } from './VersionList';

interface VersionPaneProps {
  prompt: PromptDetail;
  versions: readonly Version[];
  selected: string;
  view: HistoryView;
}

/** The selected version: its changes against another side, or its files as they were. */
export function VersionPane({ prompt, versions, selected, view }: VersionPaneProps) {
  const [restoreKey, setRestoreKey] = useState<number | null>(null);
  const rank = (id: string) => (id === WORKING ? -1 : versions.findIndex((version) => version.oid === id));
  const index = rank(selected);
  const version = versions[index];
  const previous = versions[index + 1]?.oid ?? null;
  const known = (id: string) => id !== selected && (id === WORKING || versions.some((entry) => entry.oid === id));
  const other = view.compareWith !== null && known(view.compareWith) ? view.compareWith : previous;
  // The older side is "from", so additions read as additions.
  const [from, to] = other === null ? [null, null] : rank(other) > index ? [other, selected] : [selected, other];
  const update = (patch: Partial<HistoryView>) => uiActions.updateHistoryView(prompt.name, patch);
  const name = (id: string) => (id === WORKING ? 'the draft' : (versions.find((entry) => entry.oid === id)?.shortOid ?? id));

  return (
    <section className="history__pane card" aria-label={selected === WORKING ? 'Draft' : `Version ${version?.shortOid ?? ''}`}>
      <VersionHeading
        version={version}
        actions={
          version && (
            <Button onClick={() => setRestoreKey(Date.now())}>
              <RestoreIcon size={14} />
              Restore as draft
            </Button>
          )
        }
      />
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
            <select
              className="select select--sm"
              aria-label="Compare with"
              value={view.compareWith !== null && known(view.compareWith) ? view.compareWith : ''}
              onChange={(event) => update({ compareWith: event.target.value || null })}
            >
              <option value="">{previous ? `Previous version (${name(previous)})` : 'Previous version (none)'}</option>
              {selected !== WORKING && <option value={WORKING}>Draft (working files)</option>}
              {versions
                .filter((entry) => entry.oid !== selected)
                .map((entry) => (
                  <option key={entry.oid} value={entry.oid}>
                    {entry.shortOid} · {entry.summary}
                  </option>
                ))}
            </select>
          </label>
        )}
        {view.mode === 'changes' && (
          <div className="segmented" role="group" aria-label="Diff layout">
            <button
              type="button"
              aria-pressed={view.layout === 'split'}
              aria-label="Side by side"
              title="Side by side"
              onClick={() => update({ layout: 'split' })}
            >
              <ColumnsIcon size={14} />
            </button>
            <button type="button" aria-pressed={view.layout === 'inline'} aria-label="Inline" title="Inline" onClick={() => update({ layout: 'inline' })}>
              <RowsIcon size={14} />
            </button>
          </div>
        )}
      </div>
      <div className="history__content">
        {view.mode === 'source' ? (
          <VersionSource prompt={prompt} selected={selected} />
        ) : from === null || to === null ? (
          <p className="history__note">
            {selected === WORKING
              ? 'This prompt has not been committed yet, so there is no earlier version to compare the draft with. Commit it to start its history.'
              : 'This is the first version of the prompt: there is nothing before it. Compare it with another version or the draft, or read its source.'}
          </p>
        ) : (
          <DiffPanel name={prompt.name} from={from} to={to} fromLabel={name(from)} toLabel={name(to)} layout={view.layout} />
        )}
      </div>
      {version && (
        <RestoreDialog key={restoreKey ?? 'closed'} open={restoreKey !== null} prompt={prompt} version={version} onClose={() => setRestoreKey(null)} />
      )}
    </section>
  );
}
