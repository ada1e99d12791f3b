import type { RunDetail } from '../../../../shared/runs';
import { useRun, useRuns } from '../../../api/runQueries';
import { CompareSkeleton } from '../../../components/compare/CompareSkeleton';
import { suggestedOther } from '../../../components/compare/runChoices';
import { RunComparisonView } from '../../../components/compare/RunComparisonView';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ColumnsIcon } from '../../../components/icons';
import { useReviewState } from '../reviewStore';
import { RunPicker } from './RunPicker';
import '../../../components/compare/compare.css';

interface CompareRunsProps {
  runId: string;
  otherRunId: string | null;
  onPickOther: (runId: string | null) => void;
}

/** This run against another run of the same prompt: a summary, figures, the outputs side by side, and per-cell changes. */
export function CompareRuns({ runId, otherRunId, onPickOther }: CompareRunsProps) {
  const run = useRun(runId);
  if (run.isPending) return <CompareSkeleton />;
  if (run.isError) return <ErrorState title="Couldn’t read this run" error={run.error} onRetry={() => void run.refetch()} />;
  return <CompareWithOther detail={run.data} otherRunId={otherRunId} onPickOther={onPickOther} />;
}

function CompareWithOther({ detail, otherRunId, onPickOther }: { detail: RunDetail; otherRunId: string | null; onPickOther: (runId: string | null) => void }) {
  const runId = detail.summary.runId;
  const runs = useRuns(detail.summary.prompt);
  const suggested = runs.data ? suggestedOther(runs.data, runId) : null;
  // Until a person picks one, the latest finished run stands in (shown as picked, not navigated to).
  const other = otherRunId ?? suggested;
  const threshold = useReviewState((state) => state.threshold);
  return (
    <div className="compare">
      <header className="compare__header">
        <div className="compare__intro">
          <h2 className="compare__title">Compare runs</h2>
          <p className="compare__caption">Changes read as this run minus the other; colour marks a change large enough to stand out from sampling noise.</p>
        </div>
        {runs.data && <RunPicker runId={runId} runs={runs.data} value={other} suggested={suggested} onPick={onPickOther} />}
      </header>
      {runs.isError && <ErrorState compact title="Couldn’t list this prompt’s runs" error={runs.error} onRetry={() => void runs.refetch()} />}
      {runs.isPending && !otherRunId ? (
        <CompareSkeleton />
      ) : other ? (
        <RunComparisonView key={other} current={detail} otherRunId={other} otherRuns={runs.data ?? []} threshold={threshold} />
      ) : (
        <EmptyState icon={<ColumnsIcon size={20} />} title="No other run to compare with">
          <p>Run this prompt again (after an edit, or on another version) to see what changed between the two.</p>
        </EmptyState>
      )}
    </div>
  );
}
