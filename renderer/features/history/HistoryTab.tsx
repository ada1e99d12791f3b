import type { PromptDetail } from '../../../shared/prompts';
import { usePromptHistory } from '../../api/versionQueries';
import { useHistoryView } from '../../app/uiStore';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { CheckIcon, GitCommitIcon } from '../../components/icons';
import { Skeleton } from '../../components/Skeleton';
import { plural } from '../../lib/labels';
import { setApprovedOnly, useApprovedOnly } from './historyFilter';
import { currentApproval } from './currentApproval';
import { VersionList, WORKING } from './VersionList';
import { VersionPane } from './VersionPane';
import './history.css';

/** The prompt's versions in git, newest first, approved ones marked; pick one to read it, compare it, or restore it. */
export function HistoryTab({ prompt }: { prompt: PromptDetail }) {
  const history = usePromptHistory(prompt.name);
  const view = useHistoryView(prompt.name);
  const filterApproved = useApprovedOnly();

  if (history.isPending) {
    return (
      <div className="history" role="status" aria-label="Loading history">
        <div className="history__list card">
          {[0, 1, 2].map((row) => (
            <div className="version-item" key={row}>
              <Skeleton width="70%" height={11} />
              <Skeleton width="45%" height={9} />
            </div>
          ))}
        </div>
        <Skeleton width="100%" height={320} />
      </div>
    );
  }
  if (history.isError) {
    return (
      <ErrorState title="Couldn’t read the history" error={history.error} onRetry={() => void history.refetch()} retrying={history.isFetching} />
    );
  }
  const versions = history.data;
  if (versions.length === 0 && !prompt.dirty) {
    return (
      <EmptyState icon={<GitCommitIcon size={18} />} title="No versions yet">
        <p>This prompt has never been committed. Commit it to start its history.</p>
      </EmptyState>
    );
  }
  const anyApproved = versions.some((version) => version.approval);
  const listed = filterApproved ? versions.filter((version) => version.approval) : versions;
  const showDraft = prompt.dirty && !filterApproved;
  const everything = [...(prompt.dirty ? [WORKING] : []), ...versions.map((version) => version.oid)];
  const selectable = [...(showDraft ? [WORKING] : []), ...listed.map((version) => version.oid)];
  const pick = (ids: string[]) => (view.selected && ids.includes(view.selected) ? view.selected : ids[0]);
  // With nothing approved to list, the pane keeps showing what it would show unfiltered.
  const selected = (filterApproved && !anyApproved ? pick(everything) : pick(selectable)) ?? WORKING;

  return (
    <div className="history">
      <div className="history__side card">
        <div className="history__filter">
          <span className="history__count">{plural(listed.length, filterApproved ? 'approved version' : 'version')}</span>
          <label className="history__toggle">
            <input type="checkbox" checked={filterApproved} onChange={(event) => setApprovedOnly(event.target.checked)} />
            Approved only
          </label>
        </div>
        {filterApproved && !anyApproved ? (
          <EmptyState compact icon={<CheckIcon size={16} />} title="No approved versions yet">
            <p>Approve a run from its review to commit the version it sampled, with its ratings as evidence.</p>
          </EmptyState>
        ) : (
          <VersionList prompt={prompt} versions={listed} latest={versions[0]?.oid ?? null} inUse={currentApproval(versions)?.oid ?? null} showDraft={showDraft} selected={selected} />
        )}
      </div>
      <VersionPane prompt={prompt} versions={versions} selected={selected} view={view} />
    </div>
  );
}
