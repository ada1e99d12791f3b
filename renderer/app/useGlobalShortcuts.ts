import { useEffect } from 'react';
import { hasCommandModifier, isTypingTarget } from '../components/keyboard';
import { navigate } from './router';
import { uiActions } from './uiStore';

/** App-wide keys. Feature shortcuts (like `/` for the filter) live with their feature. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      // Ctrl/Cmd+N: a new prompt, even while typing (browsers may keep it for a new window).
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        uiActions.openNewPrompt();
        return;
      }
      // Ctrl/Cmd+,: settings, the usual place for them on every platform.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key === ',') {
        event.preventDefault();
        navigate({ page: 'settings' });
        return;
      }
      if (hasCommandModifier(event) || isTypingTarget(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        uiActions.toggleShortcuts();
      } else if (event.key === '[' && !document.querySelector('dialog[open]')) {
        // `[`: fold the prompt library away (or back), for a wide grid.
        event.preventDefault();
        uiActions.toggleSidebar();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
