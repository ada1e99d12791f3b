import { Fragment } from 'react';
import { Kbd } from '../../components/Kbd';
import { useBlind, useReviewState } from './reviewStore';
import { UnsavedRatingsStatus } from './UnsavedRatings';
import './statusLine.css';

const HINTS: [string[], string][] = [
  [['j', 'k'], 'move'],
  [['1', '5'], 'rate'],
  [['0'], 'clear'],
  [['c'], 'cluster'],
  [['n'], 'note'],
  [['u'], 'undo'],
  [['b'], 'blind'],
  [['?'], 'all keys'],
];

/** What the last action did (read out by screen readers too), ratings not saved yet, and the keys that drive the review. */
export function StatusLine({ runId }: { runId: string }) {
  const announcement = useReviewState((state) => (state.announcement?.runId === runId ? state.announcement : null));
  const armed = useReviewState((state) => state.armed);
  // Blind, each sample is rated alone: no cluster key.
  const blind = useBlind(runId);
  const hints = blind ? HINTS.filter(([keys]) => !keys.includes('c')) : HINTS;
  return (
    <div className={`review-status${armed ? ' is-armed' : ''}`}>
      <p className="review-status__message" role="status" aria-live="polite">
        {announcement ? (
          <span key={announcement.seq} className={`review-status__text review-status__text--${announcement.tone}`}>
            {announcement.text}
          </span>
        ) : (
          <span className="review-status__idle">Rate with 1–5, move with j and k; ? lists every key.</span>
        )}
      </p>
      <UnsavedRatingsStatus runId={runId} />
      <p className="review-status__keys" aria-hidden="true">
        {hints.map(([keys, words]) => (
          <span key={words} className="review-status__hint">
            {keys.map((key, index) => (
              <Fragment key={key}>
                {index > 0 && (words === 'rate' ? '–' : '')}
                <Kbd>{key}</Kbd>
              </Fragment>
            ))}
            {words}
          </span>
        ))}
      </p>
    </div>
  );
}
