// What a run says about the version it ran, in the figures an approval records: the run's
// overview from shared/variance (the same numbers the review and the comparison show).
import type { RunDetail } from '../../../shared/runs';
import { metricsByCell } from '../../../shared/variance/cellMetrics';
import { runOverview } from '../../../shared/variance/runOverview';
import type { ApprovalEvidence } from '../workspace/approvalTrailers';

/**
 * Lexical similarity at which outputs share a cluster, as the review grid starts. Consistency (the
 * mean pairwise similarity) does not depend on it; only the clusters do.
 */
export const CLUSTER_THRESHOLD = 0.8;

export function approvalEvidence(detail: RunDetail): ApprovalEvidence {
  const { summary } = detail;
  const overview = runOverview({
    summary,
    metrics: metricsByCell(detail, { threshold: CLUSTER_THRESHOLD }),
    samples: detail.samples,
    ratings: detail.ratings,
  });
  return {
    runId: summary.runId,
    models: summary.models,
    temperatures: summary.temperatures,
    samples: summary.total,
    rating: overview.ratingMean,
    rated: overview.rated,
    consistency: overview.consistency,
  };
}
