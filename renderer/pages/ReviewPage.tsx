import { useEffect, useMemo } from 'react';
import { WorkbenchError } from '../../shared/errors';
import type { RunDetail } from '../../shared/runs';
import { usePrompt } from '../api/queries';
import { useRun } from '../api/runQueries';
import { hrefFor, type ReviewTab } from '../app/router';
import { ErrorState } from '../components/ErrorState';
import { ReportButton } from '../components/ReportButton';
import { Skeleton } from '../components/Skeleton';
import { ApproveButton } from '../features/approval/ApproveButton';
import { loadSampleView } from '../features/review/FocusPanel';
import { ReviewScreen, type ReviewParts } from '../features/review/ReviewScreen';
import { useBlind } from '../features/review/reviewStore';
import { RunActions } from '../features/runs/RunActions';
import { RetryStatus } from '../features/runs/RetryStatus';
import { RunAgainButton } from '../features/runs/RunAgainButton';
import { RunDialog } from '../features/runs/RunDialog';
import { RunProgressBar } from '../features/runs/RunProgressBar';
import { StopReasonBanner } from '../features/runs/StopReasonBanner';

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
  if (run.data) return <ReviewOfRun detail={run.data} tab={tab} otherRunId={otherRunId} />;
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

/** The review, with what the runs and approval features add to it. */
function ReviewOfRun({ detail, tab, otherRunId }: { detail: RunDetail; tab: ReviewTab; otherRunId: string | null }) {
  const { summary, request } = detail;
  // The run's prompt, once read: needed to run it again (absent if it was deleted since).
  const prompt = usePrompt(summary.prompt).data;
  const blind = useBlind(summary.runId);
  // Made again only when the run's summary moves, not on every rating: the header is memoised on them.
  const parts = useMemo<ReviewParts>(
    () => ({
      headerActions: (
        <>
          <RunActions summary={summary} />
          {/* The dialog lists the run's models and temperatures, which blind mode keeps out of sight. */}
          {!blind && prompt && <RunAgainButton prompt={prompt.name} request={request} />}
          {/* The report and the approval preview name models and temperatures too. */}
          {!blind && <ReportButton runId={summary.runId} />}
          {!blind && <ApproveButton run={summary} />}
        </>
      ),
      runState: (
        <>
          <StopReasonBanner summary={summary} />
          <RetryStatus summary={summary} blind={blind} />
          <RunProgressBar summary={summary} />
        </>
      ),
      runDialog: prompt && <RunDialog prompt={prompt} />,
    }),
    [summary, request, prompt, blind],
  );
  return <ReviewScreen detail={detail} tab={tab} otherRunId={otherRunId} parts={parts} />;
}
