import { useEffect, useState, type ReactNode } from 'react';
import { CloseIcon } from './icons';
import './toast.css';

interface ToastProps {
  icon: ReactNode;
  /** What happened, in a sentence or two. */
  children: ReactNode;
  /** Buttons or links beside it (class `toast__action`). */
  actions?: ReactNode;
  onDismiss(): void;
  /** Gone after this long, unless the pointer or the focus is on it. */
  showMs: number;
  /** Restarts the timer when it changes (the same toast shown for a new event). */
  showKey?: unknown;
  label: string;
}

/** A passing notice at the foot of the window, with a way to act on it and to close it. */
export function Toast({ icon, children, actions, onDismiss, showMs, showKey, label }: ToastProps) {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    if (held) return;
    const timer = window.setTimeout(onDismiss, showMs);
    return () => window.clearTimeout(timer);
  }, [held, onDismiss, showMs, showKey]);
  return (
    <div
      className="toast"
      role="status"
      aria-label={label}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="toast__icon">{icon}</span>
      <div className="toast__text">{children}</div>
      {actions}
      <button type="button" className="toast__close" aria-label="Dismiss" onClick={onDismiss}>
        <CloseIcon size={12} />
      </button>
    </div>
  );
}
