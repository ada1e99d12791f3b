import { useMemo } from 'react';
import type { RunDetail, RunSummary } from '../../../shared/runs';
import { metricsByCell } from '../../../shared/variance/cellMetrics';
import { compareRuns, type RunMetricsInput } from '../../../shared/variance/runComparison';
import { useRun } from '../../api/runQueries';
import { ErrorState } from '../ErrorState';
import { CellDeltaTable } from './CellDeltaTable';
import { CompareSkeleton } from './CompareSkeleton';
import { CompareSummary } from './CompareSummary';
import { OutputsSideBySide } from './OutputsSideBySide';
import { OverviewTable } from './OverviewTable';
import { PassRateChanges } from './PassRateChanges';
import { runLabel } from './runChoices';

/**
 * No figure compared here depends on clustering (consistency is the mean pairwise similarity), so
 * the threshold is 1: only identical answers share a cluster, which also skips the costly part.
 */
const CLUSTER_THRESHOLD = 1;

/** What compareRuns needs of a run (exported for the History tab's version comparison). */
export function metricsInput(detail: RunDetail): RunMetricsInput {
  return { summary: detail.summary, metrics: metricsByCell(detail, { threshold: CLUSTER_THRESHOLD }), samples: detail.samples, ratings: detail.ratings };
}

interface RunComparisonViewProps {
  current: RunDetail;
  otherRunId: string;
  otherRuns: readonly RunSummary[];
  /** The review's cluster threshold: the answers side by side cluster as in the grid. */
  threshold: number;
}

export function RunComparisonView({ current, otherRunId, otherRuns, threshold }: RunComparisonViewProps) {
  const other = useRun(otherRunId);
  const otherDetail = other.data;
  // The other run is the baseline (a): every change reads as "this run minus the other".
  const result = useMemo(() => {
    if (!otherDetail) return null;
    const a = metricsInput(otherDetail);
    const b = metricsInput(current);
    const comparison = compareRuns(a, b);
    return { comparison, onlyInOne: a.metrics.length + b.metrics.length - 2 * comparison.cells.length };
  }, [otherDetail, current]);
  if (other.isPending) return <CompareSkeleton />;
  if (other.isError) return <ErrorState title="Couldn’t read the other run" error={other.error} onRetry={() => void other.refetch()} />;
  if (!result || !otherDetail) return null;

  const { comparison, onlyInOne } = result;
  const summary = otherRuns.find((run) => run.runId === otherRunId) ?? otherDetail.summary;
  return (
    <div className="compare__body">
      {otherDetail.summary.prompt !== current.summary.prompt && (
        <p className="compare__warning" role="note">
          The other run is of “{otherDetail.summary.prompt}”, not “{current.summary.prompt}”: the figures compare different prompts.
        </p>
      )}
      <CompareSummary sentences={comparison.summary} headingLevel="h3" />
      <section aria-label="Overall" className="compare__section">
        <h3 className="compare__subtitle">
          Overall <span className="compare__against">against {runLabel(summary)}</span>
        </h3>
        <OverviewTable comparison={comparison} otherLabel={runLabel(summary)} />
      </section>
      <PassRateChanges a={summary} b={current.summary} />
      <OutputsSideBySide a={otherDetail} b={current} aLabel={`Other: ${runLabel(summary)}`} bLabel={`This run: ${runLabel(current.summary)}`} aName="Other run" bName="This run" threshold={threshold} />
      <section aria-label="By cell" className="compare__section">
        <h3 className="compare__subtitle">By cell</h3>
        {comparison.cells.length > 0 ? (
          <CellDeltaTable cells={comparison.cells} onlyInOne={onlyInOne} />
        ) : (
          <p className="compare-cells__note">The runs share no cell (model, temperature and case): only the overall figures compare.</p>
        )}
      </section>
    </div>
  );
}
