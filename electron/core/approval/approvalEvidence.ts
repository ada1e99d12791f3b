// What a run says about the version it ran, in the figures an approval records: the run's
// overview from shared/variance (the same numbers the review and the comparison show), and when
// the prompt has checks, the run's overall pass rate under them.
import { approvalPassRate } from '../../../shared/approvals';
import type { RunChecks } from '../../../shared/checks/runChecks';
import type { RunDetail } from '../../../shared/runs';
import { metricsByCell } from '../../../shared/variance/cellMetrics';
import { runOverview } from '../../../shared/variance/runOverview';
import type { ApprovalEvidence } from '../workspace/approvalTrailers';

/**
 * Lexical similarity at which outputs share a cluster, as the review grid starts. Consistency (the
 * mean pairwise similarity) does not depend on it; only the clusters do.
 */
export const CLUSTER_THRESHOLD = 0.8;

export function approvalEvidence(detail: RunDetail, checks: Pick<RunChecks, 'checks' | 'overall'> | null = null): ApprovalEvidence {
  const { summary } = detail;
  const overview = runOverview({
    summary,
    metrics: metricsByCell(detail, { threshold: CLUSTER_THRESHOLD }),
    samples: detail.samples,
    ratings: detail.ratings,
  });
  const passRate = approvalPassRate(checks);
  return {
    runId: summary.runId,
    models: summary.models,
    temperatures: summary.temperatures,
    samples: summary.total,
    rating: overview.ratingMean,
    rated: overview.rated,
    consistency: overview.consistency,
    ...(passRate ? { passRate } : {}),
  };
}
