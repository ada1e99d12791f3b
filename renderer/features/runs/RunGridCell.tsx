import { memo } from 'react';
import type { RunCell } from './runGridModel';

/** Above this many samples a cell shows a bar of proportions instead of one square per sample. */
const MAX_SQUARES = 60;

interface RunGridCellProps {
  cell: RunCell;
  selected: boolean;
  onSelect(key: string): void;
  samplesPerCell: number;
}

/**
 * One cell: a square per sample coloured by status, and its counts. Memoised: a batch of samples
 * re-renders only the cells it touched (the grid model keeps the others' identity).
 */
export const RunGridCell = memo(function RunGridCell({ cell, selected, onSelect, samplesPerCell }: RunGridCellProps) {
  const { stats, samples } = cell;
  const label = `${cell.model}, temperature ${cell.temperature}, ${cell.caseName}: ${stats.ok} ok, ${stats.errors} errors, ${stats.distinct} distinct`;
  return (
    <button
      type="button"
      className={`run-cell${selected ? ' is-selected' : ''}${stats.errors > 0 ? ' run-cell--errors' : ''}`}
      aria-pressed={selected}
      aria-label={label}
      title={label}
      onClick={() => onSelect(cell.key)}
    >
      {samplesPerCell <= MAX_SQUARES ? (
        <span className="run-cell__squares" aria-hidden="true">
          {samples.map((sample) => (
            <span key={sample.sampleId} className={`sample-square sample-square--${sample.status}`} />
          ))}
        </span>
      ) : (
        <span className="run-cell__bar" aria-hidden="true">
          <span className="sample-share sample-share--ok" style={{ flexGrow: stats.ok }} />
          <span className="sample-share sample-share--error" style={{ flexGrow: stats.errors }} />
          <span className="sample-share sample-share--cancelled" style={{ flexGrow: stats.cancelled }} />
          <span className="sample-share sample-share--pending" style={{ flexGrow: stats.pending }} />
        </span>
      )}
      <span className="run-cell__stats" aria-hidden="true">
        <span className="run-cell__ok">
          {stats.ok}/{samples.length} ok
        </span>
        {stats.errors > 0 && <span className="run-cell__errors">{stats.errors} err</span>}
        {stats.ok > 0 && (
          <span className="run-cell__distinct" title="Distinct outputs (whitespace ignored)">
            {stats.distinct} distinct
          </span>
        )}
      </span>
    </button>
  );
});
