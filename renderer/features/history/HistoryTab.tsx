import type { PromptDetail } from '../../../shared/prompts';
import { usePromptHistory } from '../../api/versionQueries';
import { useHistoryView } from '../../app/uiStore';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { GitCommitIcon } from '../../components/icons';
import { VersionList, WORKING } from './VersionList';
import { VersionPane } from './VersionPane';
import './history.css';

/** The prompt's versions in git, newest first; pick one to read it, compare it, or restore it. */
export function HistoryTab({ prompt }: { prompt: PromptDetail }) {
  const history = usePromptHistory(prompt.name);
  const view = useHistoryView(prompt.name);

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
  const selectable = [...(prompt.dirty ? [WORKING] : []), ...versions.map((version) => version.oid)];
  const selected = view.selected && selectable.includes(view.selected) ? view.selected : (selectable[0] ?? WORKING);

  return (
    <div className="history">
      <VersionList prompt={prompt} versions={versions} selected={selected} />
      <VersionPane prompt={prompt} versions={versions} selected={selected} view={view} />
    </div>
  );
}
