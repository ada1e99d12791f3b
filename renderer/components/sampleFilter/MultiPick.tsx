import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { toggled } from '../../lib/sampleFilter/sampleFilter';

interface MultiPickProps<T extends string | number> {
  /** What is picked: "Model", "Temperature", "Case". */
  label: string;
  choices: readonly T[];
  picked: readonly T[];
  /** How a choice reads (a temperature's "T 0.7"). */
  text?(choice: T): string;
  onChange(picked: T[]): void;
}

/**
 * A button that opens a list of checkboxes: pick any number of a run's models, temperatures or
 * cases. None picked means all. Esc or a click elsewhere closes it.
 */
export function MultiPick<T extends string | number>({ label, choices, picked, text = String, onChange }: MultiPickProps<T>) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLInputElement>('input')?.focus();
    function onPointerDown(event: PointerEvent) {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape') return;
    // Esc closes the list, not the review's search or anything behind it.
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  }

  const shown = picked.filter((choice) => choices.includes(choice));
  const summary = shown.length === 0 ? 'all' : shown.length === 1 ? text(shown[0] as T) : `${shown.length} of ${choices.length}`;
  return (
    <div className="multi-pick" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={`filter-chip${shown.length > 0 ? ' is-on' : ''}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={`${label}: ${summary}`}
        onClick={() => setOpen(!open)}
      >
        <span className="filter-chip__label">{label}</span>
        <span className="filter-chip__value">{summary}</span>
        <span className="multi-pick__caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div ref={panel} id={panelId} className="multi-pick__panel" role="group" aria-label={label}>
          {choices.map((choice) => (
            <label key={String(choice)} className="multi-pick__choice">
              <input type="checkbox" checked={picked.includes(choice)} onChange={() => onChange(toggled(picked, choice))} />
              <span className="multi-pick__text">{text(choice)}</span>
            </label>
          ))}
          <button type="button" className="multi-pick__all" disabled={shown.length === 0} onClick={() => onChange([])}>
            Show all
          </button>
        </div>
      )}
    </div>
  );
}
