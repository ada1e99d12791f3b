import { memo } from 'react';
import type { SampleRating } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { CellFigures } from './CellFigures';
import { ClusterStack } from './ClusterStack';
import { consistencyStep, consistencyWords, formatConsistency } from './consistencyScale';
import { withRatings } from './ratingFigures';

interface GridCellProps {
  cell: CellMetrics;
  samples: ReadonlyMap<string, Sample>;
  ratings: ReadonlyMap<string, SampleRating>;
  /** The focused sample when it is in this cell, else null (so other cells skip re-rendering). */
  focusedId: string | null;
  hasSchema: boolean;
  /** The run is taking samples now (pending ones are on their way, not merely not taken). */
  running: boolean;
  onFocus(sampleId: string): void;
}

/**
 * One (model, temperature, case): its consistency, its answers as clusters, and its figures.
 * A rating elsewhere in the run does not re-render it: only a change to one of its own samples'
 * entries does (entries keep their identity until they change; see ratingCache.ts).
 */
export const GridCell = memo(function GridCell({ cell: base, samples, ratings, focusedId, hasSchema, running, onFocus }: GridCellProps) {
  const cell = withRatings(base, ratings);
  const step = consistencyStep(cell.consistency);
  // Quick metrics (the first moment after opening) have no consistency yet; full ones always do.
  const measuring = cell.ok > 0 && cell.consistency === null;
  const label = `${cell.model}, temperature ${cell.temperature}, ${cell.case}`;
  const cancelled = cell.total - cell.ok - cell.errors - cell.pending;
  return (
    <section className={`grid-cell${focusedId !== null ? ' is-focused' : ''}${step === null ? '' : ` consistency--${step}`}`} aria-label={label}>
      <header className="grid-cell__head">
        <span
          className={`consistency-chip${measuring ? ' is-measuring' : ''}`}
          title={measuring ? 'Measuring consistency…' : `Consistency ${formatConsistency(cell.consistency)}: ${consistencyWords(cell.consistency)}`}
        >
          {measuring ? '…' : formatConsistency(cell.consistency)}
        </span>
        <span className="grid-cell__counts">
          {cell.ok}/{cell.total} ok
          {cell.errors > 0 && <span className="grid-cell__errors"> · {cell.errors} failed</span>}
          {cell.pending > 0 && <span> · {cell.pending} {running ? 'to go' : 'pending'}</span>}
          {cancelled > 0 && <span> · {cancelled} cancelled</span>}
        </span>
      </header>
      {cell.clusters.length > 0 ? (
        <ClusterStack clusters={cell.clusters} samples={samples} ratings={ratings} focusedId={focusedId} onFocus={onFocus} />
      ) : (
        <p className="grid-cell__empty">{cell.pending > 0 ? (running ? 'Waiting for answers…' : 'Not taken yet: resume the run') : 'No answers to rate'}</p>
      )}
      <CellFigures cell={cell} hasSchema={hasSchema} measuring={measuring} />
    </section>
  );
}, sameCellProps);

function sameCellProps(prev: GridCellProps, next: GridCellProps): boolean {
  if (prev.cell !== next.cell || prev.samples !== next.samples || prev.focusedId !== next.focusedId || prev.hasSchema !== next.hasSchema || prev.running !== next.running || prev.onFocus !== next.onFocus) {
    return false;
  }
  return prev.ratings === next.ratings || prev.cell.sampleIds.every((id) => prev.ratings.get(id) === next.ratings.get(id));
}
