import { useEffect, useRef, type MouseEvent } from 'react';
import { cellKeyOf } from '../../../shared/cellStats';
import type { SampleRating } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import { failureKind, type FailureGroup } from '../../../shared/sampleFailures';
import type { CellMetrics } from '../../../shared/variance/cellMetrics';
import { CloseIcon, WrapTextIcon } from '../../components/icons';
import { Kbd } from '../../components/Kbd';
import { ModelChip } from '../../components/ModelChip';
import { countNotes, NotesMarker } from './ClusterStack';
import { clampedText, formatShare, fullText } from './formatFigures';
import { reviewActions, useReviewState } from './reviewStore';
import './expandedCell.css';

interface ExpandedCellProps {
  cell: CellMetrics;
  failures: readonly FailureGroup[];
  samples: ReadonlyMap<string, Sample>;
  ratings: ReadonlyMap<string, SampleRating>;
  failsCheck(sampleId: string): boolean;
  focusedId: string | null;
  onFocus(sampleId: string): void;
}

/**
 * One cell opened out over the grid: every cluster with every member, and every failed sample, each
 * on its own line. It follows the focus, so j/k and the digits rate member after member here as in
 * the grid, and moving past the cell's last sample opens the next cell. Only drawn when asked for.
 */
export function ExpandedCell({ cell, failures, samples, ratings, failsCheck, focusedId, onFocus }: ExpandedCellProps) {
  const key = cellKeyOf(cell);
  const full = useReviewState((state) => state.fullText[key] === true);
  const body = useRef<HTMLDivElement>(null);

  // Keep the focused member in view as j/k move through the cell.
  useEffect(() => {
    if (!focusedId) return;
    body.current?.querySelector(`[data-sample-id="${CSS.escape(focusedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [focusedId]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[data-sample-id]')?.dataset.sampleId;
    if (id) onFocus(id);
  }

  const failed = failures.reduce((sum, group) => sum + group.sampleIds.length, 0);
  return (
    <section className="expanded-cell" aria-label={`Expanded cell: ${cell.model}, temperature ${cell.temperature}, ${cell.case}`}>
      <header className="expanded-cell__head">
        <ModelChip model={cell.model} size="sm" />
        <span className="expanded-cell__temp">T {cell.temperature}</span>
        <span className="expanded-cell__case" title={cell.case}>
          {cell.case}
        </span>
        <span className="expanded-cell__counts">
          {cell.clusters.length} {cell.clusters.length === 1 ? 'cluster' : 'clusters'} · {cell.ok} ok{failed > 0 ? ` · ${failed} failed` : ''}
        </span>
        <button type="button" className="grid-cell__tool" aria-pressed={full} aria-label="Full text" title={full ? 'Show a few lines of each answer (w)' : 'Show each answer in full (w)'} onClick={() => reviewActions.toggleFullText(key)}>
          <WrapTextIcon size={14} />
        </button>
        <button type="button" className="grid-cell__tool" aria-label="Close expanded cell" title="Back to the grid (Esc)" onClick={() => reviewActions.setExpanded(false)}>
          <CloseIcon size={14} />
        </button>
      </header>
      <div className="expanded-cell__body" ref={body} onClick={onClick}>
        {cell.clusters.map((cluster, index) => (
          <section key={cluster.representativeId} className="expanded-cluster" aria-label={`Cluster ${index + 1}: ${cluster.size} ${cluster.size === 1 ? 'sample' : 'samples'}`}>
            <h3 className="expanded-cluster__head">
              <span>Cluster {index + 1}</span>
              <span className="expanded-cluster__size">
                ×{cluster.size} · {formatShare(cell.ok > 0 ? cluster.size / cell.ok : null)}
              </span>
              <NotesMarker count={countNotes(cluster.sampleIds, ratings)} />
            </h3>
            <ol className="expanded-cluster__members">
              {cluster.sampleIds.map((id) => (
                <Member key={id} id={id} text={full ? fullText(samples.get(id)?.output ?? null) : clampedText(samples.get(id)?.output ?? null)} full={full} entry={ratings.get(id)} focused={id === focusedId} failsCheck={failsCheck(id)} />
              ))}
            </ol>
          </section>
        ))}
        {failures.map((group) => (
          <section key={`${group.code}\u0000${group.message}`} className="expanded-cluster expanded-cluster--failed" aria-label={`${group.sampleIds.length} failed: ${failureKind(group.code)}`}>
            <h3 className="expanded-cluster__head">
              <span>Failed: {failureKind(group.code)}</span>
              <span className="expanded-cluster__size">×{group.sampleIds.length}</span>
            </h3>
            <ol className="expanded-cluster__members">
              {group.sampleIds.map((id) => (
                <Member key={id} id={id} text={group.message} full={full} entry={ratings.get(id)} focused={id === focusedId} failed />
              ))}
            </ol>
          </section>
        ))}
      </div>
      <footer className="expanded-cell__keys">
        <Kbd>j</Kbd>
        <Kbd>k</Kbd> move · <Kbd>1–5</Kbd> rate · <Kbd>n</Kbd> note · <Kbd>w</Kbd> full text · <Kbd>Esc</Kbd> back to the grid
      </footer>
    </section>
  );
}

interface MemberProps {
  id: string;
  text: string;
  full: boolean;
  entry: SampleRating | undefined;
  focused: boolean;
  failed?: boolean;
  failsCheck?: boolean;
}

/** One sample: its mark (rating digit, note corner), its answer (or what went wrong), its note. */
function Member({ id, text, full, entry, focused, failed = false, failsCheck = false }: MemberProps) {
  return (
    <li className={`expanded-member${focused ? ' is-focused' : ''}`} data-sample-id={id} aria-current={focused ? 'true' : undefined}>
      <span
        className={`mark${failed ? ' mark--failed' : ''}`}
        data-rating={failed ? undefined : (entry?.rating ?? undefined)}
        data-note={entry?.note ? 'true' : undefined}
        data-check={failsCheck ? 'failed' : undefined}
        role="img"
        aria-label={failed ? 'Failed' : entry?.rating ? `Rated ${entry.rating}` : 'Not rated'}
      />
      <span className={`expanded-member__text${full ? ' is-full' : ''}${failed ? ' is-failed' : ''}`}>{text}</span>
      {entry?.note && (
        <span className="expanded-member__note" title={entry.note}>
          <span aria-hidden="true">✎ </span>
          {entry.note}
        </span>
      )}
    </li>
  );
}
