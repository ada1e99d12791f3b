import { useEffect } from 'react';
import { hasCommandModifier, isTypingTarget } from '../components/keyboard';
import { navigate } from './router';
import { uiActions } from './uiStore';

/** How long after `g` its second key counts, as in Gmail's and GitHub's go-to keys. */
const GO_TO_WINDOW_MS = 1500;

/** App-wide keys. Feature shortcuts (like `/` for the filter) live with their feature. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    /** When `g` was pressed, waiting for the key that says where to go. */
    let goPressedAt = 0;

    // Captured before any page's own keys, so the `r` of `g r` does not also open the run dialog.
    function onGoTo(event: KeyboardEvent) {
      if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      if (goPressedAt > 0 && Date.now() - goPressedAt < GO_TO_WINDOW_MS && event.key === 'r') {
        goPressedAt = 0;
        event.preventDefault();
        event.stopPropagation();
        navigate({ page: 'runs' });
        return;
      }
      goPressedAt = event.key === 'g' && !event.shiftKey ? Date.now() : 0;
    }

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
    document.addEventListener('keydown', onGoTo, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onGoTo, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
