import { useDiffPrompt } from '../../api/versionQueries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { CheckIcon } from '../../components/icons';
import { FileDiffView } from './FileDiffView';

interface DiffPanelProps {
  name: string;
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  layout: 'split' | 'inline';
}

/** The changes between two sides (versions or the draft), file by file. */
export function DiffPanel({ name, from, to, fromLabel, toLabel, layout }: DiffPanelProps) {
  const diff = useDiffPrompt(name, from, to);
  if (diff.isPending) return <Skeleton width="100%" height={240} />;
  if (diff.isError) {
    return <ErrorState compact title="Couldn’t compare these versions" error={diff.error} onRetry={() => void diff.refetch()} />;
  }
  const changed = diff.data.files.filter((file) => file.status !== 'unchanged');
  return (
    <div className="diff" role="region" aria-label={`Changes from ${fromLabel} to ${toLabel}`}>
      <p className="diff__sides">
        Changes from <strong>{fromLabel}</strong> to <strong>{toLabel}</strong>
      </p>
      {changed.length === 0 ? (
        <EmptyState compact icon={<CheckIcon size={16} />} title="No differences">
          <p>The prompt’s files are the same on both sides.</p>
        </EmptyState>
      ) : (
        changed.map((file) => <FileDiffView key={file.path} file={file} layout={layout} />)
      )}
    </div>
  );
}
