// Asking before unsaved edits are left behind. A form with edits it has not saved registers a guard
// while it has them; a navigation that would leave it (a link, a shortcut, the back button) is held,
// and the window asks "leave without saving?" (LeaveDialog.tsx). Reloading or closing the window
// asks through the browser's own prompt (the desktop app's main process shows it as a dialog).
// The router reads the page to show from here, so a held navigation never renders the next page.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { createStore, useStore } from './createStore';

export interface LeaveGuard {
  /** What would be lost, for the question: "your price edits", "the draft of capital-city". */
  what: string;
  /** A navigation to this hash keeps the edits (another tab of the same page): no need to ask. */
  keeps?(hash: string): boolean;
}

interface GateState {
  /** The hash of the page on screen: where the window is, whatever the address bar says for a moment. */
  hash: string;
  /** A navigation held because it would lose edits, with what they are. */
  held: { hash: string; what: string[] } | null;
}

const guards = new Set<LeaveGuard>();
const gate = createStore<GateState>({ hash: typeof window === 'undefined' ? '' : window.location.hash, held: null });

/** The guards a navigation to `hash` would pass over. */
export function guardsAgainst(hash: string): LeaveGuard[] {
  return [...guards].filter((guard) => !guard.keeps?.(hash));
}

/** Holds a navigation to `hash` when it would lose edits; true when it was held. */
function held(hash: string): boolean {
  const blocking = guardsAgainst(hash);
  if (blocking.length === 0) return false;
  gate.set({ held: { hash, what: blocking.map((guard) => guard.what) } });
  return true;
}

/** Goes to `hash` (the router's `navigate`), or asks first when that would lose edits. */
export function requestNavigation(hash: string): void {
  if (hash !== gate.get().hash && held(hash)) return;
  window.location.hash = hash;
}

/**
 * Called on every hash change. Links and `navigate` ask before the address moves; what still gets
 * here unasked (the back button, an address typed in) is held, and the address put back.
 */
export function hashChanged(next: string): void {
  const { hash } = gate.get();
  if (next === hash) return;
  if (held(next)) {
    window.history.replaceState(window.history.state, '', hash === '' ? window.location.pathname + window.location.search : hash);
    return;
  }
  gate.set({ hash: next, held: null });
}

/** A plain click on an in-app link asks before the browser follows it. */
function linkClicked(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest?.('a[href^="#"]');
  const href = link?.getAttribute('href');
  if (!href || link?.getAttribute('target') || href === gate.get().hash) return;
  if (held(href)) event.preventDefault();
}

export const leaveActions = {
  /** Leave anyway: the edits are dropped with the page. */
  leave(): void {
    const held = gate.get().held;
    if (!held) return;
    gate.set({ hash: held.hash, held: null });
    window.location.hash = held.hash;
  },
  stay(): void {
    gate.set({ held: null });
  },
};

/**
 * Puts `hash` in the address bar without a history entry and without asking: for what a page keeps
 * in its own address as it changes (a review's filters), which loses no edits.
 */
export function replaceHash(hash: string): void {
  if (hash === gate.get().hash) return;
  window.history.replaceState(window.history.state, '', hash);
  gate.set({ hash });
}

export const currentHash = (): string => gate.get().hash;
export const subscribeToHash = gate.subscribe;
export const useHeldNavigation = () => useStore(gate, (state) => state.held);

function beforeUnload(event: BeforeUnloadEvent): void {
  if (guards.size === 0) return;
  event.preventDefault();
  // Older browsers ask only when a value is set.
  event.returnValue = '';
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => hashChanged(window.location.hash));
  // Capturing, so the question comes before any handler of the link itself.
  document.addEventListener('click', linkClicked, true);
  window.addEventListener('beforeunload', beforeUnload);
}

/**
 * Guards the edits of one form while `dirty`: registered on the first render that has them,
 * removed once they are saved or discarded, and when the form goes away.
 */
export function useLeaveGuard(dirty: boolean, what: string, keeps?: (hash: string) => boolean): void {
  // The latest words and rule, without registering again on every render.
  const latest = useRef({ what, keeps });
  useLayoutEffect(() => {
    latest.current = { what, keeps };
  });
  useEffect(() => {
    if (!dirty) return;
    const guard: LeaveGuard = {
      get what() {
        return latest.current.what;
      },
      keeps: (hash) => latest.current.keeps?.(hash) ?? false,
    };
    guards.add(guard);
    return () => {
      guards.delete(guard);
    };
  }, [dirty]);
}
