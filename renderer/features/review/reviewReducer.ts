// What each review command does to the focus, and what it asks the app to do, as one pure
// function: the keyboard hook only feeds it keys and carries out the effect it returns.
import type { RatingValue } from '../../../shared/ratings';

export interface ReviewCursor {
  focusedId: string | null;
  /** `c` was pressed: the next digit rates the focused sample's whole cluster. */
  armed: boolean;
}

export type ReviewCommand =
  | { type: 'move'; delta: 1 | -1 }
  | { type: 'rate'; rating: RatingValue | null }
  | { type: 'arm' }
  | { type: 'disarm' }
  | { type: 'editNote' }
  | { type: 'undo' }
  | { type: 'toggleBlind' };

export type ReviewEffect =
  | { type: 'rate'; sampleIds: string[]; rating: RatingValue | null; cluster: boolean }
  | { type: 'editNote'; sampleId: string }
  | { type: 'undo' }
  | { type: 'toggleBlind' }
  | { type: 'armed' }
  /** A rating or a cluster was asked of a sample without an answer (a failed one). */
  | { type: 'unrateable'; sampleId: string }
  /** A cluster rating was asked in blind mode, where each sample is judged alone. */
  | { type: 'alone' };

export interface ReviewContext {
  /** The samples j/k walk, in order: the rateable ones and, in the grid, the failed ones too. */
  order: readonly string[];
  /** Whether the sample has an answer to rate; a failed one can be read and noted, not rated. */
  canRate(sampleId: string): boolean;
  /** The members of the sample's cluster (itself alone when it has none). */
  clusterOf(sampleId: string): readonly string[];
  /** Blind: each sample is judged alone, so nothing rates (or counts) its cluster. */
  blind: boolean;
}

export interface ReviewStep {
  cursor: ReviewCursor;
  effect: ReviewEffect | null;
}

/**
 * The focus a person sees: the remembered one while it is still in the order, else the first
 * sample still to rate, else the first that can be rated, else the first (a run that only failed).
 */
export function resolveFocus(order: readonly string[], remembered: string | null, isRated: (sampleId: string) => boolean, canRate: (sampleId: string) => boolean): string | null {
  if (remembered !== null && order.includes(remembered)) return remembered;
  return order.find((id) => canRate(id) && !isRated(id)) ?? order.find(canRate) ?? order[0] ?? null;
}

/** The neighbour in the order, stopping at either end. */
export function moveFocus(order: readonly string[], focusedId: string | null, delta: 1 | -1): string | null {
  if (order.length === 0) return null;
  const at = focusedId === null ? -1 : order.indexOf(focusedId);
  if (at === -1) return delta === 1 ? (order[0] ?? null) : (order[order.length - 1] ?? null);
  return order[Math.min(order.length - 1, Math.max(0, at + delta))] ?? null;
}

/** After rating, the next sample to rate that was not part of what was just rated (the last one stays put). */
export function focusAfter(order: readonly string[], focusedId: string, rated: readonly string[], canRate: (sampleId: string) => boolean): string {
  const skip = new Set(rated);
  const at = order.indexOf(focusedId);
  for (let i = at + 1; i < order.length; i++) {
    const id = order[i] as string;
    if (!skip.has(id) && canRate(id)) return id;
  }
  return focusedId;
}

export function reduceReview(cursor: ReviewCursor, command: ReviewCommand, context: ReviewContext): ReviewStep {
  const { focusedId } = cursor;
  const disarmed = { ...cursor, armed: false };
  switch (command.type) {
    case 'move':
      return { cursor: { focusedId: moveFocus(context.order, focusedId, command.delta), armed: false }, effect: null };
    case 'arm':
      if (focusedId === null) return { cursor: disarmed, effect: null };
      if (!context.canRate(focusedId)) return { cursor: disarmed, effect: { type: 'unrateable', sampleId: focusedId } };
      if (context.blind) return { cursor: disarmed, effect: { type: 'alone' } };
      return { cursor: { focusedId, armed: true }, effect: { type: 'armed' } };
    case 'disarm':
      return { cursor: disarmed, effect: null };
    case 'rate': {
      if (focusedId === null) return { cursor: disarmed, effect: null };
      if (!context.canRate(focusedId)) return { cursor: disarmed, effect: { type: 'unrateable', sampleId: focusedId } };
      const sampleIds = cursor.armed ? [...context.clusterOf(focusedId)] : [focusedId];
      // A rating moves on to the next sample to rate; clearing one (0) stays, to rate it again.
      const next = command.rating === null ? focusedId : focusAfter(context.order, focusedId, sampleIds, context.canRate);
      return { cursor: { focusedId: next, armed: false }, effect: { type: 'rate', sampleIds, rating: command.rating, cluster: cursor.armed } };
    }
    case 'editNote':
      return { cursor: disarmed, effect: focusedId === null ? null : { type: 'editNote', sampleId: focusedId } };
    case 'undo':
      return { cursor: disarmed, effect: { type: 'undo' } };
    case 'toggleBlind':
      return { cursor: disarmed, effect: { type: 'toggleBlind' } };
  }
}
