// One run as the report reads it: its detail, the prompt text it ran, and the figures the review
// shows (cell metrics and the run overview from shared/variance, so the report and the app agree).
import type { RunDetail } from '../../../shared/runs';
import { metricsByCell, type CellMetrics } from '../../../shared/variance/cellMetrics';
import { runOverview, type RunOverview } from '../../../shared/variance/runOverview';
import { CLUSTER_THRESHOLD } from '../approval/approvalEvidence';
import { runVersionLabel } from '../../../shared/runVersion';

export interface ReportRun {
  detail: RunDetail;
  /** The prompt file as run; null when the database does not have it. */
  source: string | null;
  metrics: CellMetrics[];
  overview: RunOverview;
  /** `commit 1a2b3c4` or `draft · content 9f8e7d6` (shared/runVersion.ts). */
  version: string;
  /** The approvals whose evidence this run is: `approved/<name>/v<k> (commit 1a2b3c4)`. */
  approvals: readonly string[];
}

export function reportRun(detail: RunDetail, source: string | null, approvals: readonly string[] = []): ReportRun {
  const metrics = metricsByCell(detail, { threshold: CLUSTER_THRESHOLD });
  const { summary } = detail;
  return {
    detail,
    source,
    metrics,
    overview: runOverview({ summary, metrics, samples: detail.samples, ratings: detail.ratings }),
    version: runVersionLabel(summary),
    approvals,
  };
}

/** A cell as people name it: `openai/gpt-4o-mini · T 0.7 · Japan (easy)`. */
export function cellName(cell: { model: string; temperature: number; case: string }): string {
  return `${cell.model} · T ${cell.temperature} · ${cell.case}`;
}
