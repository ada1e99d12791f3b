import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { formatMeanSd, formatShare, formatSimilarity, needsAtLeast, whenComparable } from './formatFigures';

/**
 * A cell's metrics, compactly: how many answers differ and how, how long they run, how they were
 * rated. A figure that compares answers shows "—" until there are enough of them to compare; its
 * tooltip says how many it needs.
 */
export function CellFigures({ cell, hasSchema, measuring }: { cell: CellMetrics; hasSchema: boolean; measuring: boolean }) {
  if (cell.ok === 0) return null;
  const pending = (text: string) => (measuring ? '…' : text);
  return (
    <dl className="cell-figures">
      <div title="Distinct outputs (whitespace ignored)">
        <dt>Distinct</dt>
        <dd>{cell.distinct}</dd>
      </div>
      <div title={`Share of the most common output (${needsAtLeast('answers')})`}>
        <dt>Top</dt>
        <dd>{whenComparable(cell.ok, formatShare(cell.mostCommonShare))}</dd>
      </div>
      <div title={`Mean pairwise similarity, 0–1 (${needsAtLeast('answers')})`}>
        <dt>Similar</dt>
        <dd>{whenComparable(cell.ok, pending(formatSimilarity(cell.meanSimilarity)))}</dd>
      </div>
      <div title={`Output length in characters: mean ± sd (the sd ${needsAtLeast('answers')})`}>
        <dt>Length</dt>
        <dd>{formatMeanSd(cell.meanLength, cell.lengthSd)}</dd>
      </div>
      {hasSchema && (
        <div title="Outputs that are valid JSON and fit the output schema">
          <dt>Valid</dt>
          <dd>{pending(formatShare(cell.schemaValidRate))}</dd>
        </div>
      )}
      <div className="cell-figures__rating" title={`Mean rating ± sd, over ${cell.rated} rated of ${cell.ok} (the sd ${needsAtLeast('ratings')})`}>
        <dt>Rating</dt>
        <dd>
          {formatMeanSd(cell.ratingMean, cell.ratingSd, 1)}
          <span className="cell-figures__rated">
            {' '}
            ({cell.rated}/{cell.ok})
          </span>
        </dd>
      </div>
    </dl>
  );
}
