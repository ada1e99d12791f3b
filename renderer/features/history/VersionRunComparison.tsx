import { useMemo } from 'react';
import type { RunSummary } from '../../../shared/runs';
import { compareRuns } from '../../../shared/variance/runComparison';
import { useRun } from '../../api/runQueries';
import { hrefFor, reviewRoute } from '../../app/router';
import { CompareSummary } from '../../components/compare/CompareSummary';
import { OverviewTable } from '../../components/compare/OverviewTable';
import { PassRateChanges } from '../../components/compare/PassRateChanges';
import { runLabel } from '../../components/compare/runChoices';
import { metricsInput } from '../../components/compare/RunComparisonView';
import { ErrorState } from '../../components/ErrorState';
import { ReportButton } from '../../components/ReportButton';
import { Skeleton } from '../../components/Skeleton';
import '../../components/compare/compare.css';

interface VersionRunComparisonProps {
  older: RunSummary;
  newer: RunSummary;
  olderLabel: string;
  newerLabel: string;
}

/** What changed between the two versions' runs, in words and in figures, with the report to share it. */
export function VersionRunComparison({ older, newer, olderLabel, newerLabel }: VersionRunComparisonProps) {
  const a = useRun(older.runId);
  const b = useRun(newer.runId);
  const detailA = a.data;
  const detailB = b.data;
  // The older version is the baseline: every change reads as "newer minus older".
  const comparison = useMemo(() => (detailA && detailB ? compareRuns(metricsInput(detailA), metricsInput(detailB)) : null), [detailA, detailB]);
  const failed = a.isError ? a : b.isError ? b : null;
  if (failed) return <ErrorState compact title="Couldn’t read the runs" error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!comparison) return <Skeleton width="100%" height={200} />;

  return (
    <div className="version-compare">
      <CompareSummary sentences={comparison.summary} headingLevel="h4" />
      <OverviewTable comparison={comparison} otherLabel={runLabel(older)} columns={{ a: olderLabel, b: newerLabel }} />
      <PassRateChanges a={older} b={newer} overallOnly />
      <div className="version-compare__actions">
        <a className="text-link" href={hrefFor(reviewRoute(newer.runId, 'compare', older.runId))}>
          Compare outputs cell by cell
        </a>
        <ReportButton runId={newer.runId} compareRunId={older.runId} label="Download report" />
      </div>
    </div>
  );
}
