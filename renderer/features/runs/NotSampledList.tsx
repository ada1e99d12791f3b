import type { SkippedCell } from '../../../shared/runs';
import { groupSkipped } from '../../../shared/skippedCells';
import { ModelChip } from '../../components/ModelChip';

/** The cells the run will leave out, one line per model and reason: they make no calls and fail nothing. */
export function NotSampledList({ skipped, cases }: { skipped: readonly SkippedCell[]; cases: number }) {
  if (skipped.length === 0) return null;
  const cells = skipped.length * Math.max(1, cases);
  return (
    <section className="run-estimate__skipped" aria-label="Not sampled">
      <h3 className="run-estimate__skipped-title">
        Not sampled <span className="run-estimate__skipped-count">{cells === 1 ? '1 cell' : `${cells} cells`}, no calls; the rest of the run goes ahead</span>
      </h3>
      <ul>
        {groupSkipped(skipped).map((group) => (
          <li key={`${group.model}\u0000${group.reason}`} className="run-estimate__skipped-row">
            <ModelChip model={group.model} size="sm" />
            <span className="run-estimate__skipped-at">at {group.temperatures.join(', ')}</span>
            <span className="run-estimate__skipped-reason">not sampled: {group.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
