import { useEffect } from 'react';
import { WorkbenchError } from '../../../shared/errors';
import { useRun } from '../../api/runQueries';
import { hrefFor, type ReviewTab } from '../../app/router';
import { ErrorState } from '../../components/ErrorState';
import { Skeleton } from '../../components/Skeleton';
import { loadSampleView } from './FocusPanel';
import { ReviewScreen } from './ReviewScreen';
import './review.css';

interface ReviewPageProps {
  runId: string;
  tab: ReviewTab;
  otherRunId: string | null;
}

/** A run's review (`#/runs/<id>`): loading, failure, or the review itself. */
export function ReviewPage({ runId, tab, otherRunId }: ReviewPageProps) {
  const run = useRun(runId);
  // Fetch the sample view's code while the run loads, not after.
  useEffect(() => void loadSampleView(), []);
  if (run.data) return <ReviewScreen detail={run.data} tab={tab} otherRunId={otherRunId} />;
  if (run.isPending) {
    return (
      <div className="review review--loading" role="status" aria-label="Loading run">
        <Skeleton width={220} height={12} />
        <Skeleton width={320} height={22} />
        <Skeleton width="100%" height={36} />
        <div className="review__skeleton-grid">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} width="100%" height={150} />
          ))}
        </div>
      </div>
    );
  }
  const gone = run.error instanceof WorkbenchError && run.error.code === 'NOT_FOUND';
  return (
    <div className="review review--state">
      <ErrorState title={gone ? 'No such run' : 'Couldn’t open the run'} error={run.error} onRetry={gone ? undefined : () => void run.refetch()} retrying={run.isFetching} />
      <a className="text-link review__home" href={hrefFor({ page: 'home' })}>
        Back to the prompts
      </a>
    </div>
  );
}
