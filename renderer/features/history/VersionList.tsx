import type { KeyboardEvent } from 'react';
import type { VersionWithApproval } from '../../../shared/approvals';
import type { PromptDetail } from '../../../shared/prompts';
import { uiActions } from '../../app/uiStore';
import { ApprovalBadge } from '../../components/ApprovalBadge';
import { ApprovalSummaryLine } from '../../components/ApprovalEvidence';
import { exactTime, relativeTime } from '../../lib/relativeTime';

/** The draft (working files) as a side of a comparison. */
export const WORKING = 'working';

interface VersionListProps {
  prompt: PromptDetail;
  /** The versions to list (all, or only the approved ones). */
  versions: readonly VersionWithApproval[];
  /** The newest commit, marked "Latest" when it is listed. */
  latest: string | null;
  /** The version `@approved` calls get (the highest approval; a rollback moves it), marked "@approved". */
  inUse: string | null;
  /** List the draft too (it is left out when only approved versions are shown). */
  showDraft: boolean;
  selected: string;
}

/** Newest first, the uncommitted draft on top when there is one. Arrow keys move the selection. */
export function VersionList({ prompt, versions, latest, inUse, showDraft, selected }: VersionListProps) {
  const select = (oid: string) => uiActions.updateHistoryView(prompt.name, { selected: oid, compareWith: null });
  const ids = [...(showDraft ? [WORKING] : []), ...versions.map((version) => version.oid)];

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const index = ids.indexOf(selected);
    const next = event.key === 'ArrowDown' ? ids[index + 1] : event.key === 'ArrowUp' ? ids[index - 1] : undefined;
    if (!next) return;
    event.preventDefault();
    select(next);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-version="${next}"]`)?.focus());
  }

  return (
    <ul className="history__list" role="listbox" aria-label="Versions" onKeyDown={onKeyDown}>
      {showDraft && (
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
      {versions.map((version) => (
        <li
          key={version.oid}
          role="option"
          aria-selected={selected === version.oid}
          tabIndex={selected === version.oid ? 0 : -1}
          data-version={version.oid}
          className={`version-item${version.approval ? ' version-item--approved' : ''}`}
          onClick={() => select(version.oid)}
        >
          <span className="version-item__summary" title={version.message}>
            <span className="version-item__text">{version.summary}</span>
            {version.oid === latest && <span className="version-item__latest">Latest</span>}
            {version.oid === inUse && (
              <span className="version-item__latest version-item__current" title="The version @approved calls get (workbench call, prompt-workbench/tasks)">
                @approved
              </span>
            )}
          </span>
          {version.approval && (
            <span className="version-item__approval">
              <ApprovalBadge approval={version.approval} size="sm" />
              <ApprovalSummaryLine approval={version.approval} />
            </span>
          )}
          {version.renamedFrom && <span className="version-item__renamed">Renamed from {version.renamedFrom}</span>}
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
