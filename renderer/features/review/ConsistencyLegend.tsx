import { CONSISTENCY_STEPS } from './consistencyScale';

/** The colour scale of the cells, with its two ends named. */
export function ConsistencyLegend() {
  return (
    <div className="consistency-legend" title="Mean pairwise similarity of a cell's answers: 1 means they all say the same">
      <span className="consistency-legend__label">Consistency</span>
      <span className="consistency-legend__end">0</span>
      <span className="consistency-legend__steps" aria-hidden="true">
        {Array.from({ length: CONSISTENCY_STEPS }, (_, step) => (
          <span key={step} className={`consistency-legend__step consistency--${step}`} />
        ))}
      </span>
      <span className="consistency-legend__end">1</span>
    </div>
  );
}
