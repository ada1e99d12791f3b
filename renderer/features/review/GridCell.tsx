import { memo } from 'react';
import { cellKeyOf } from '../../../shared/cellStats';
import type { CellPassRate } from '../../../shared/checks/runChecks';
import type { SampleRating } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import type { FailureGroup } from '../../../shared/sampleFailures';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { MIN_TO_COMPARE } from '../../../shared/variance/summaryStats';
import { ExpandIcon, WarningIcon, WrapTextIcon } from '../../components/icons';
import { CellFigures } from './CellFigures';
import { PassRateBadge } from './checks/PassRateBadge';
import { ClusterStack } from './ClusterStack';
import { consistencyStep, consistencyTitle, formatConsistency } from './consistencyScale';
import { FailureStack } from './FailureStack';
import { withRatings } from './ratingFigures';
import { reviewActions, useReviewState } from './reviewStore';

interface GridCellProps {
  cell: CellMetrics;
  /** The cell's failed samples, grouped by what went wrong (empty without failures). */
  failures: readonly FailureGroup[];
  /** The cell's pass rate under the prompt's checks; undefined without checks (or finished samples). */
  passRate: CellPassRate | undefined;
  /** Whether an answer fails a check (its mark gets a ✕). */
  failsCheck(sampleId: string): boolean;
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
 * One (model, temperature, case): its consistency, its answers as clusters, its failures with
 * what went wrong, and its figures.
 * A rating elsewhere in the run does not re-render it: only a change to one of its own samples'
 * entries does (entries keep their identity until they change; see ratingCache.ts).
 */
export const GridCell = memo(function GridCell({ cell: base, failures, passRate, failsCheck, samples, ratings, focusedId, hasSchema, running, onFocus }: GridCellProps) {
  const cell = withRatings(base, ratings);
  const step = consistencyStep(cell.consistency);
  // Quick metrics (the first moment after opening) have no consistency yet; full ones do, given enough answers.
  const measuring = cell.ok >= MIN_TO_COMPARE && cell.consistency === null;
  const label = `${cell.model}, temperature ${cell.temperature}, ${cell.case}`;
  const cancelled = cell.total - cell.ok - cell.errors - cell.pending;
  const key = cellKeyOf(cell);
  const full = useReviewState((state) => state.fullText[key] === true);
  // Expanding shows the focused sample's cell: this one's, unless the focus is here already.
  const expand = () => {
    const first = focusedId ?? cell.clusters[0]?.representativeId ?? failures[0]?.sampleIds[0];
    if (first) onFocus(first);
    reviewActions.setExpanded(true);
  };
  return (
    <section className={`grid-cell${focusedId !== null ? ' is-focused' : ''}${step === null ? '' : ` consistency--${step}`}`} aria-label={label}>
      <header className="grid-cell__head">
        <span
          className={`consistency-chip${measuring ? ' is-measuring' : ''}`}
          title={consistencyTitle(cell, measuring)}
        >
          {measuring ? '…' : formatConsistency(cell.consistency)}
        </span>
        <span className="grid-cell__counts">
          {cell.ok}/{cell.total} ok
          {cell.errors > 0 && (
            <span className="grid-cell__errors">
              {' · '}
              <WarningIcon size={11} className="grid-cell__failed-icon" role="img" aria-label="Failed samples" aria-hidden={false} />
              {cell.errors} failed
            </span>
          )}
          {cell.pending > 0 && <span> · {cell.pending} {running ? 'to go' : 'pending'}</span>}
          {cancelled > 0 && <span> · {cancelled} cancelled</span>}
        </span>
        <span className="grid-cell__tools">
          {cell.clusters.length > 0 && (
            <button type="button" className="grid-cell__tool" aria-pressed={full} aria-label="Full text" title={full ? 'Show a few lines of each answer (w)' : 'Show each answer in full (w)'} onClick={() => reviewActions.toggleFullText(key)}>
              <WrapTextIcon size={13} />
            </button>
          )}
          <button type="button" className="grid-cell__tool" aria-label="Expand cell" title="Expand: every cluster and every sample (e)" onClick={expand}>
            <ExpandIcon size={13} />
          </button>
        </span>
      </header>
      {passRate && <PassRateBadge rate={passRate} />}
      {cell.clusters.length > 0 && <ClusterStack clusters={cell.clusters} failsCheck={failsCheck} samples={samples} ratings={ratings} focusedId={focusedId} full={full} onFocus={onFocus} />}
      {cell.clusters.length === 0 && (cell.pending > 0 || failures.length === 0) && (
        <p className="grid-cell__empty">{cell.pending > 0 ? (running ? 'Waiting for answers…' : 'Not taken yet: resume the run') : 'No answers to rate'}</p>
      )}
      {failures.length > 0 && <FailureStack groups={failures} ratings={ratings} focusedId={focusedId} onFocus={onFocus} />}
      <CellFigures cell={cell} hasSchema={hasSchema} measuring={measuring} />
    </section>
  );
}, sameCellProps);

function sameCellProps(prev: GridCellProps, next: GridCellProps): boolean {
  if (prev.cell !== next.cell || prev.failures !== next.failures || prev.passRate !== next.passRate || prev.failsCheck !== next.failsCheck || prev.samples !== next.samples || prev.focusedId !== next.focusedId || prev.hasSchema !== next.hasSchema || prev.running !== next.running || prev.onFocus !== next.onFocus) {
    return false;
  }
  return prev.ratings === next.ratings || prev.cell.sampleIds.every((id) => prev.ratings.get(id) === next.ratings.get(id));
}
