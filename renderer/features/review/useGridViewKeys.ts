import { useEffect, useEffectEvent } from 'react';
import { hasCommandModifier, isTypingTarget } from '../../components/keyboard';
import { getReviewState, reviewActions } from './reviewStore';

/**
 * The grid's reading keys, beside the rating keys (useReviewKeyboard.ts): `w` shows the focused
 * cell's answers whole or in a few lines, `e` opens the focused cell out (every member), Esc closes
 * it. They change only what is shown, never a rating, so they live apart from the review commands.
 * `focusedCell` is the focused sample's cell (cellKeyOf), or null with nothing focused.
 */
export function useGridViewKeys(focusedCell: string | null, enabled: boolean): void {
  const onKey = useEffectEvent((event: KeyboardEvent): boolean => {
    if (event.key === 'Escape') {
      if (!getReviewState().expanded) return false;
      reviewActions.setExpanded(false);
      return true;
    }
    if (focusedCell === null) return false;
    if (event.key === 'w') reviewActions.toggleFullText(focusedCell);
    else if (event.key === 'e') reviewActions.setExpanded(!getReviewState().expanded);
    else return false;
    return true;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat) return;
      if (hasCommandModifier(event) || isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      if (onKey(event)) event.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
  // The next run's review opens with every cell in a few lines, and none expanded.
  useEffect(() => () => reviewActions.resetReading(), []);
}
