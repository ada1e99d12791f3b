import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { CloseIcon } from './icons';
import './dialog.css';

interface DialogProps {
  open: boolean;
  onClose(): void;
  title: string;
  /** A sentence under the title that says what will happen. */
  description?: ReactNode;
  children?: ReactNode;
  /** The buttons; a submit button in here runs `onSubmit` (Enter in a field does too). */
  footer?: ReactNode;
  onSubmit?(): void;
  size?: 'sm' | 'md' | 'lg';
}

/**
 * A modal dialog on the native <dialog>: it traps focus, closes on Esc and gives focus back to
 * what had it. The body is a form, so Enter submits.
 */
export function Dialog({ open, onClose, title, description, children, footer, onSubmit, size = 'sm' }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // showModal() focuses the first focusable element (the close button); a field marked
      // data-autofocus is where typing should start instead.
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit?.();
  }

  return (
    <dialog
      ref={dialog}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && (
        <form className="dialog__panel" onSubmit={submit} noValidate>
          <header className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            <button type="button" className="dialog__close" aria-label="Close" onClick={onClose}>
              <CloseIcon size={14} />
            </button>
          </header>
          {description && (
            <div id={descriptionId} className="dialog__description">
              {description}
            </div>
          )}
          {children && <div className="dialog__body">{children}</div>}
          {footer && <footer className="dialog__footer">{footer}</footer>}
        </form>
      )}
    </dialog>
  );
}

/** An inline error inside a dialog, announced when it appears. */
export function DialogError({ children }: { children: ReactNode }) {
  return (
    <p className="dialog__error" role="alert">
      {children}
    </p>
  );
}
