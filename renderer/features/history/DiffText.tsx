import type { DiffRow } from '../../../shared/versions';
import '../../components/diffWords.css';

type DiffLine = NonNullable<DiffRow['left']>;

/** A line's text with the words that differ marked: <del> on the old side, <ins> on the new. */
export function DiffText({ line, side }: { line: DiffLine; side: 'added' | 'removed' }) {
  if (line.segments.every((segment) => !segment.text)) return <span className="diff-empty-line">{'\u200b'}</span>;
  return (
    <>
      {line.segments.map((segment, index) =>
        !segment.changed ? (
          segment.text
        ) : side === 'removed' ? (
          <del key={index} className="diff-word diff-word--removed">
            {segment.text}
          </del>
        ) : (
          <ins key={index} className="diff-word diff-word--added">
            {segment.text}
          </ins>
        ),
      )}
    </>
  );
}
