// Shared rules for single-key shortcuts, so they never fire while someone is typing.
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // Keys typed in a shadow root (the code editor) arrive retargeted to its host.
  const inner = target.shadowRoot?.activeElement;
  if (inner) return isTypingTarget(inner);
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Ctrl/Cmd/Alt combinations belong to the OS and the browser, not to our single-key shortcuts. */
export function hasCommandModifier(event: KeyboardEvent | ReactKeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}
