import { useEffect } from 'react';
import { hasCommandModifier, isTypingTarget } from '../../components/keyboard';
import { uiActions } from '../../app/uiStore';

/** `r` on a prompt's page opens the run dialog (not while typing, nor over another dialog). */
export function useRunShortcut(prompt: string): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'r' || event.defaultPrevented || hasCommandModifier(event) || event.shiftKey) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      uiActions.openRunDialog(prompt);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [prompt]);
}
