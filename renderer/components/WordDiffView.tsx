import { useMemo } from 'react';
import { wordDiff } from '../lib/wordDiff';
import './diffWords.css';
import './wordDiffView.css';

interface WordDiffViewProps {
  /** The text read as the baseline: its words missing from `to` are struck through. */
  from: string;
  /** The text read against it: its words missing from `from` are marked as added. */
  to: string;
  /** What `from` is, for the sentences shown instead of a diff: "the most common output". */
  against: string;
  testId?: string;
}

/** One output against another: removed words struck through, added words marked, all as text. */
export function WordDiffView({ from, to, against, testId = 'word-diff' }: WordDiffViewProps) {
  const diff = useMemo(() => wordDiff(from, to), [from, to]);
  if (diff.kind === 'same') {
    return <p className="word-diff__note word-diff__note--same">Same as {against}.</p>;
  }
  if (diff.kind === 'tooLong') {
    return <p className="word-diff__note">Too long to compare word by word here; it differs from {against}.</p>;
  }
  if (diff.kind === 'unrelated') {
    return <p className="word-diff__note">Too different from {against} to compare word by word.</p>;
  }
  return (
    <div className="word-diff">
      <p className="word-diff__legend">
        <span className="word-diff__count word-diff__count--added">+{diff.added} words</span>
        <span className="word-diff__count word-diff__count--removed">−{diff.removed} words</span>
      </p>
      <div className="word-diff__text selectable" data-testid={testId}>
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
