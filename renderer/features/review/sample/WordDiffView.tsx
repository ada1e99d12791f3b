import { useMemo } from 'react';
import { wordDiff } from './wordDiff';
import '../../../components/diffWords.css';

/** This output against the cell's most common one: removed words struck through, added words marked. */
export function WordDiffView({ reference, output }: { reference: string; output: string }) {
  const diff = useMemo(() => wordDiff(reference, output), [reference, output]);
  if (diff.kind === 'same') {
    return <p className="sample-diff__note sample-diff__note--same">Same as the most common output.</p>;
  }
  if (diff.kind === 'tooLong') {
    return <p className="sample-diff__note">Too long to compare word by word here; it differs from the most common output.</p>;
  }
  if (diff.kind === 'unrelated') {
    return <p className="sample-diff__note">Too different from the most common output to compare word by word.</p>;
  }
  return (
    <div className="sample-diff">
      <p className="sample-diff__legend">
        <span className="sample-diff__count sample-diff__count--added">+{diff.added} words</span>
        <span className="sample-diff__count sample-diff__count--removed">−{diff.removed} words</span>
      </p>
      <div className="sample-diff__text selectable" data-testid="sample-word-diff">
        {diff.segments.map((segment, index) =>
          segment.kind === 'same' ? (
            segment.text
          ) : segment.kind === 'added' ? (
            <ins key={index} className="diff-word diff-word--added">
              {segment.text}
            </ins>
          ) : (
            <del key={index} className="diff-word diff-word--removed">
              {segment.text}
            </del>
          ),
        )}
      </div>
    </div>
  );
}
