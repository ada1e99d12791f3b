import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { SampleRating } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import { previewText } from './formatFigures';
import './clusterStack.css';
import './blindQueue.css';

const ITEM_HEIGHT = 40;

interface BlindQueueProps {
  order: readonly string[];
  samples: ReadonlyMap<string, Sample>;
  ratings: ReadonlyMap<string, SampleRating>;
  focusedId: string | null;
  onFocus(sampleId: string): void;
}

/**
 * Blind review: the samples in their shuffled order, one line each (number, rating), with nothing
 * that tells models or temperatures apart, and no sample's words but the focused one's: each is
 * judged alone. Virtual, like the grid.
 */
export function BlindQueue({ order, samples, ratings, focusedId, onFocus }: BlindQueueProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // No React Compiler in this build; the virtualizer re-renders its host itself when it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ITEM_HEIGHT,
    getItemKey: (index) => order[index] ?? index,
    overscan: 8,
    useFlushSync: false,
  });
  const focusedIndex = focusedId === null ? -1 : order.indexOf(focusedId);
  useEffect(() => {
    if (focusedIndex >= 0) virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
  }, [focusedIndex, virtualizer]);

  return (
    <div className="blind-queue" ref={scroller} role="region" aria-label="Rating queue" tabIndex={-1}>
      <ol className="blind-queue__list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const id = order[item.index] as string;
          const entry = ratings.get(id);
          const focused = id === focusedId;
          return (
            <li key={item.key} className="blind-queue__slot" style={{ transform: `translateY(${item.start}px)`, height: ITEM_HEIGHT }}>
              <button type="button" className={`queue-item${focused ? ' is-focused' : ''}`} aria-current={focused ? 'true' : undefined} data-sample-id={id} onClick={() => onFocus(id)}>
                <span className="queue-item__index">{item.index + 1}</span>
                {/* Only the sample in hand shows its words: the others' would say how alike they are. */}
                {focused ? (
                  <span className="queue-item__text">{previewText(samples.get(id)?.output ?? null)}</span>
                ) : (
                  <span className="queue-item__text queue-item__text--hidden">{entry?.rating ? 'Rated' : 'Not rated yet'}</span>
                )}
                {entry?.note && <span className="queue-item__note" title="Has a note" aria-label="has a note" />}
                <span className="queue-item__rating mark" data-sample-id={id} data-rating={entry?.rating ?? undefined}>
                  {entry?.rating ?? ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
