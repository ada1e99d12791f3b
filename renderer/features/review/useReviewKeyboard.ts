import { useEffect, useEffectEvent } from 'react';
import { hasCommandModifier, isTypingTarget } from '../../components/keyboard';
import { commandForKey } from './reviewKeys';
import type { ReviewCommand } from './reviewReducer';
import { getReviewState } from './reviewStore';

/**
 * The review's keys, while the review is on screen: not while typing in a field (the note), not
 * over a dialog (the shortcuts list), and never with Ctrl/Cmd/Alt, which belong to the app and the OS.
 */
export function useReviewKeyboard(run: (command: ReviewCommand) => void, enabled: boolean): void {
  const onCommand = useEffectEvent(run);
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      // A held digit would rate sample after sample; one press, one rating.
      if (event.defaultPrevented || (event.repeat && /^[0-5]$/.test(event.key))) return;
      if (hasCommandModifier(event) || isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      const command = commandForKey(event.key, getReviewState().armed);
      if (!command) return;
      // Arrows would also scroll the page; the review moves its own focus instead.
      event.preventDefault();
      onCommand(command);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
