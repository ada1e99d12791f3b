import type { KeyboardEvent } from 'react';
import type { PromptDetail } from '../../../shared/prompts';
import type { Version } from '../../../shared/versions';
import { uiActions } from '../../app/uiStore';
import { exactTime, relativeTime } from './relativeTime';

/** The draft (working files) as a side of a comparison. */
export const WORKING = 'working';

interface VersionListProps {
  prompt: PromptDetail;
  versions: readonly Version[];
  selected: string;
}

/** Newest first, the uncommitted draft on top when there is one. Arrow keys move the selection. */
export function VersionList({ prompt, versions, selected }: VersionListProps) {
  const select = (oid: string) => uiActions.updateHistoryView(prompt.name, { selected: oid, compareWith: null });
  const ids = [...(prompt.dirty ? [WORKING] : []), ...versions.map((version) => version.oid)];

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const index = ids.indexOf(selected);
    const next = event.key === 'ArrowDown' ? ids[index + 1] : event.key === 'ArrowUp' ? ids[index - 1] : undefined;
    if (!next) return;
    event.preventDefault();
    select(next);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-version="${next}"]`)?.focus());
  }

  return (
    <ul className="history__list card" role="listbox" aria-label="Versions" onKeyDown={onKeyDown}>
      {prompt.dirty && (
        <li
          role="option"
          aria-selected={selected === WORKING}
          tabIndex={selected === WORKING ? 0 : -1}
          data-version={WORKING}
          className="version-item version-item--draft"
          onClick={() => select(WORKING)}
        >
          <span className="version-item__summary">
            <span className="version-item__dot" aria-hidden="true" />
            Draft
          </span>
          <span className="version-item__meta">Uncommitted changes in the working files</span>
        </li>
      )}
      {versions.map((version, index) => (
        <li
          key={version.oid}
          role="option"
          aria-selected={selected === version.oid}
          tabIndex={selected === version.oid ? 0 : -1}
          data-version={version.oid}
          className="version-item"
          onClick={() => select(version.oid)}
        >
          <span className="version-item__summary" title={version.message}>
            {version.summary}
            {index === 0 && <span className="version-item__latest">Latest</span>}
          </span>
          <span className="version-item__meta">
            <span className="version-item__author" title={`${version.author.name} <${version.author.email}>`}>
              {version.author.name}
            </span>
            <span aria-hidden="true">·</span>
            <time dateTime={version.date} title={exactTime(version.date)}>
              {relativeTime(version.date)}
            </time>
            <code className="version-item__oid" title={version.oid}>
              {version.shortOid}
            </code>
          </span>
        </li>
      ))}
    </ul>
  );
}
