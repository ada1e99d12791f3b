import { useEffect } from 'react';
import { hasCommandModifier, isTypingTarget } from '../components/keyboard';
import { uiActions } from './uiStore';

/** App-wide single keys. Feature shortcuts (like `/` for the filter) live with their feature. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        uiActions.toggleShortcuts();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
