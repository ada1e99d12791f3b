import { lazy, Suspense } from 'react';
import type { RunChecks } from '../../../../shared/checks/runChecks';
import type { RunDetail } from '../../../../shared/runs';
import type { CellMetrics } from '../../../../shared/variance/cellMetrics';
import { Skeleton } from '../../../components/Skeleton';
import './charts.css';

// The charting library is most of the renderer's weight and only this tab needs it: loading it on
// first use keeps the app's start as fast as it was before charts.
const ChartGrid = lazy(() => import('./ChartGrid'));

function ChartsLoading() {
  return (
    <div className="run-charts run-charts--loading" role="status" aria-label="Loading the charts">
      {[0, 1, 2, 3].map((index) => (
        <Skeleton key={index} width="100%" height={320} />
      ))}
    </div>
  );
}

/** The run's charts; see ChartGrid. */
export function RunCharts(props: { detail: RunDetail; metrics: CellMetrics[]; checks: RunChecks | undefined }) {
  return (
    <Suspense fallback={<ChartsLoading />}>
      <ChartGrid {...props} />
    </Suspense>
  );
}
