import type { RatingChange, RatingValue, SampleRating } from '../../../shared/ratings';
import { useRatingWriters } from '../../api/ratingQueries';
import { errorMessage } from '../../components/ErrorState';
import { reduceReview, resolveFocus, type ReviewCommand, type ReviewEffect } from './reviewReducer';
import { getReviewState, reviewActions } from './reviewStore';

export interface ReviewCommandsOptions {
  runId: string;
  /** The samples j/k walk, in review order. */
  order: readonly string[];
  canRate(sampleId: string): boolean;
  clusterOf(sampleId: string): readonly string[];
  isRated(sampleId: string): boolean;
  /** The ratings on screen (each sample's note is kept when it is rated). */
  ratings: ReadonlyMap<string, SampleRating>;
  blind: boolean;
}

/**
 * Carries out review commands, from keys and from buttons alike. The focus and the pending `c` are
 * read from the store at the moment of the command, not from the last render, so keys pressed
 * faster than React paints still act on the right sample.
 */
export function useReviewCommands({ runId, order, canRate, clusterOf, isRated, ratings, blind }: ReviewCommandsOptions): (command: ReviewCommand) => void {
  const writers = useRatingWriters(runId);

  function perform(effect: ReviewEffect): void {
    switch (effect.type) {
      case 'armed': {
        const focused = currentFocus();
        const size = focused ? clusterOf(focused).length : 0;
        reviewActions.announce(runId, `Cluster of ${size}: press 1–5 to rate all of it, 0 to clear, Esc to cancel`);
        return;
      }
      case 'rate': {
        const at = new Date().toISOString();
        const entries = effect.sampleIds.map((sampleId) => ({ sampleId, rating: effect.rating, note: ratings.get(sampleId)?.note ?? null, updatedAt: at }));
        reviewActions.show(entries);
        reviewActions.announce(runId, `${ratedWords(effect.rating, effect.sampleIds.length)} · u to undo`);
        writers
          .rate(effect.sampleIds, effect.rating)
          .catch((error: unknown) => reviewActions.announce(runId, `Not saved: ${errorMessage(error)}`, 'error'))
          .finally(() => reviewActions.unshow(entries));
        return;
      }
      case 'unrateable':
        reviewActions.announce(runId, 'This sample failed, so there is no answer to rate: n adds a note, Retry failed runs it again');
        return;
      case 'alone':
        reviewActions.announce(runId, 'Blind mode rates each sample alone: leave it (b) to rate a cluster');
        return;
      case 'editNote':
        reviewActions.openNote(effect.sampleId);
        return;
      case 'undo':
        writers.undo().then(
          (change) => {
            if (!change) return reviewActions.announce(runId, 'Nothing to undo');
            const back = change.ratings.find((entry) => order.includes(entry.sampleId));
            if (back) reviewActions.focus(runId, back.sampleId);
            reviewActions.announce(runId, `Undone: ${undoneWords(change)}`);
          },
          (error: unknown) => reviewActions.announce(runId, `Couldn’t undo: ${errorMessage(error)}`, 'error'),
        );
        return;
      case 'toggleBlind':
        // Going blind starts the queue afresh (its first unrated sample); leaving it reveals the sample in hand.
        if (!blind) reviewActions.focus(runId, null);
        reviewActions.setBlind(runId, !blind);
        reviewActions.announce(runId, blind ? 'Blind mode off: models, temperatures and seeds are shown' : 'Blind mode on: models, temperatures and seeds are hidden, order shuffled');
        return;
    }
  }

  function currentFocus(): string | null {
    return resolveFocus(order, getReviewState().focused[runId] ?? null, isRated, canRate);
  }

  return (command) => {
    const cursor = { focusedId: currentFocus(), armed: getReviewState().armed };
    const step = reduceReview(cursor, command, { order, canRate, clusterOf, blind });
    if (step.cursor.focusedId !== cursor.focusedId || step.cursor.armed !== cursor.armed) {
      reviewActions.focus(runId, step.cursor.focusedId);
      reviewActions.setArmed(step.cursor.armed);
    }
    if (step.effect) perform(step.effect);
  };
}

function ratedWords(rating: RatingValue | null, count: number): string {
  const words = rating === null ? 'Cleared the rating' : `Rated ${rating}`;
  return count === 1 ? words : `${words} (cluster of ${count})`;
}

function undoneWords(change: RatingChange): string {
  const [first] = change.ratings;
  if (change.ratings.length !== 1 || !first) return `${change.ratings.length} samples are back as they were`;
  return first.rating === null ? 'the sample is unrated again' : `the sample is back at ${first.rating}`;
}
