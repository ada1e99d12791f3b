import type { ReactNode } from 'react';

interface RowButtonProps {
  label: string;
  onClick(): void;
  disabled?: boolean;
  danger?: boolean;
  children: ReactNode;
}

/** A small icon button of a case's or a check's row actions (move, duplicate, delete). */
export function RowButton({ label, onClick, disabled, danger, children }: RowButtonProps) {
  return (
    <button
      type="button"
      className={`case-row__button${danger ? ' case-row__button--danger' : ''}`}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
