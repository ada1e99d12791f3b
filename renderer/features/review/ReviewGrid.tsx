import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type CSSProperties } from 'react';
import { cellKeyOf } from '../../../shared/cellStats';
import type { CellPassRate } from '../../../shared/checks/runChecks';
import type { SampleRating } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import type { FailureGroup } from '../../../shared/sampleFailures';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { ModelChip } from '../../components/ModelChip';
import { GridCell } from './GridCell';
import { isNotSampled, type GridLayout, type GridRow } from './gridLayout';
import { NotSampledCell } from './NotSampledCell';
import { useReviewState } from './reviewStore';
import type { SamplePlace } from './sampleOrder';
import './reviewGrid.css';

/** Fixed in CSS too (.review-grid__head): rows are laid out below the sticky temperature heading. */
const HEAD_HEIGHT = 34;
const GROUP_HEIGHT = 40;
const ROW_ESTIMATE = 200;

interface ReviewGridProps {
  layout: GridLayout;
  failuresOf(cell: CellMetrics): readonly FailureGroup[];
  /** Each cell's pass rate under the prompt's checks, by cellKeyOf (empty without checks). */
  passRates: ReadonlyMap<string, CellPassRate>;
  failsCheck(sampleId: string): boolean;
  samples: ReadonlyMap<string, Sample>;
  ratings: ReadonlyMap<string, SampleRating>;
  placeOf(sampleId: string): SamplePlace | undefined;
  focusedId: string | null;
  hasSchema: boolean;
  running: boolean;
  onFocus(sampleId: string): void;
}

/**
 * Temperatures across, rows down, grouped. Only the rows in view (and a few around) are in the
 * page, measured as they render, so a run of 5,000 samples scrolls like one of 50.
 */
export function ReviewGrid({ layout, failuresOf, passRates, failsCheck, samples, ratings, placeOf, focusedId, hasSchema, running, onFocus }: ReviewGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const density = useReviewState((state) => state.density);
  const { rows } = layout;
  // No React Compiler in this build; the virtualizer re-renders its host itself when it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === 'group' ? GROUP_HEIGHT : ROW_ESTIMATE),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 1,
    // Measuring re-renders in the next frame, not synchronously inside React's commit (which
    // would lay the page out once more per measured row while the grid first appears).
    useFlushSync: false,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });

  const focusedCell = focusedId ? placeOf(focusedId)?.cell : undefined;
  const focusedRow = focusedCell ? layout.rowOfCell.get(cellKeyOf(focusedCell)) : undefined;
  // Keep the focused sample in view as j/k move it. A row already drawn is brought into view by
  // the browser (exact, and free when it is in view); one far away by the virtualizer first.
  useEffect(() => {
    if (focusedRow === undefined) return;
    const drawn = virtualizer.getVirtualItems().some((item) => item.index === focusedRow);
    if (!drawn) virtualizer.scrollToIndex(focusedRow, { align: 'auto' });
    const frame = requestAnimationFrame(() => scroller.current?.querySelector('.grid-cell.is-focused')?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [focusedRow, focusedId, virtualizer]);

  const style = { '--grid-columns': layout.temperatures.length } as CSSProperties;
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  // Item positions count the sticky heading (scrollMargin); the total does not.
  const before = first ? first.start - HEAD_HEIGHT : 0;
  const after = last ? Math.max(0, virtualizer.getTotalSize() - (last.end - HEAD_HEIGHT)) : 0;
  return (
    <div className="review-grid" ref={scroller} style={style} data-density={density} role="region" aria-label="Samples by temperature" tabIndex={-1}>
      <div className="review-grid__inner">
        <div className="review-grid__head column-heading">
          {layout.temperatures.map((temperature) => (
            <div key={temperature} className="review-grid__temp">
              <span className="review-grid__temp-label">Temperature</span> {temperature}
            </div>
          ))}
        </div>
        {/* Rows in view sit in normal flow between two spacers, so a row that grows (a live run
            filling a cell) pushes the next one down at once, before it is measured again. */}
        <div className="review-grid__rows" style={{ paddingTop: before, paddingBottom: after }}>
          {items.map((item) => {
            const row = rows[item.index] as GridRow;
            return (
              <div key={item.key} ref={virtualizer.measureElement} data-index={item.index}>
                <GridRowView
                  row={row}
                  axis={row.kind === 'group' ? layout.groupAxis : layout.rowAxis}
                  failuresOf={failuresOf}
                  passRates={passRates}
                  failsCheck={failsCheck}
                  samples={samples}
                  ratings={ratings}
                  focusedId={item.index === focusedRow ? focusedId : null}
                  hasSchema={hasSchema}
                  running={running}
                  onFocus={onFocus}
                />
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

interface GridRowViewProps {
  row: GridRow;
  axis: 'model' | 'case';
  failuresOf(cell: CellMetrics): readonly FailureGroup[];
  passRates: ReadonlyMap<string, CellPassRate>;
  failsCheck(sampleId: string): boolean;
  samples: ReadonlyMap<string, Sample>;
  ratings: ReadonlyMap<string, SampleRating>;
  focusedId: string | null;
  hasSchema: boolean;
  running: boolean;
  onFocus(sampleId: string): void;
}

const GridRowView = memo(function GridRowView({ row, axis, failuresOf, passRates, failsCheck, samples, ratings, focusedId, hasSchema, running, onFocus }: GridRowViewProps) {
  const name = axis === 'model' ? <ModelChip model={row.label} size={row.kind === 'group' ? 'md' : 'sm'} /> : <span className="review-grid__case">{row.label}</span>;
  if (row.kind === 'group') return <div className="review-grid__group">{name}</div>;
  return (
    <div className="review-grid__row">
      <div className="review-grid__row-label" title={row.label}>
        {name}
      </div>
      <div className="review-grid__cells">
        {row.cells.map((cell, index) =>
          isNotSampled(cell) ? (
            <NotSampledCell key={index} slot={cell} />
          ) : cell ? (
            <GridCell
              key={index}
              cell={cell}
              failures={failuresOf(cell)}
              passRate={passRates.get(cellKeyOf(cell))}
              failsCheck={failsCheck}
              samples={samples}
              ratings={ratings}
              focusedId={focusedId !== null && cell.sampleIds.includes(focusedId) ? focusedId : null}
              hasSchema={hasSchema}
              running={running}
              onFocus={onFocus}
            />
          ) : (
            <div key={index} className="grid-cell grid-cell--none">
              —
            </div>
          ),
        )}
      </div>
    </div>
  );
});
