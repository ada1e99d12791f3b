import type { MouseEvent } from 'react';
import type { SampleRating } from '../../../shared/ratings';
import { failureKind, type FailureGroup } from '../../../shared/sampleFailures';
import { WarningIcon } from '../../components/icons';
import { TextWithCode } from '../../components/TextWithCode';
import { ClusterMarks, countNotes, NotesMarker } from './ClusterStack';
import './failureStack.css';

interface FailureStackProps {
  groups: readonly FailureGroup[];
  /** For the notes a failed sample may have (it has no rating). */
  ratings: ReadonlyMap<string, SampleRating>;
  /** The focused sample, when it is in this cell. */
  focusedId: string | null;
  onFocus(sampleId: string): void;
}

/**
 * A cell's failed samples, one block per kind of failure: what went wrong and the provider's
 * message (which says what to do), ×N, and a mark per sample that j/k and a click reach.
 */
export function FailureStack({ groups, ratings, focusedId, onFocus }: FailureStackProps) {
  function onClick(event: MouseEvent<HTMLDivElement>) {
    const id = (event.target as HTMLElement).closest<HTMLElement>('[data-sample-id]')?.dataset.sampleId;
    if (id) onFocus(id);
  }
  return (
    <div className="failure-stack" onClick={onClick}>
      {groups.map((group) => {
        const focused = focusedId !== null && group.sampleIds.includes(focusedId);
        return (
          <div key={`${group.code}\u0000${group.message}`} className={`failure${focused ? ' is-focused' : ''}`} role="note" aria-label={`${group.sampleIds.length} failed: ${failureKind(group.code)}`}>
            <button type="button" className="failure__head" data-sample-id={group.sampleIds[0]} title="Show this failure in the side panel">
              <WarningIcon size={12} className="failure__icon" />
              <span className="failure__kind">{failureKind(group.code)}</span>
              <NotesMarker count={countNotes(group.sampleIds, ratings)} />
              <span className="failure__count">×{group.sampleIds.length}</span>
            </button>
            <p className="failure__message selectable" title={group.message}>
              <TextWithCode text={group.message} />
            </p>
            <ClusterMarks sampleIds={group.sampleIds} ratings={ratings} focusedId={focused ? focusedId : null} failed />
          </div>
        );
      })}
    </div>
  );
}
