import { useId, useState, type KeyboardEvent } from 'react';

interface PathInputProps {
  value: string;
  /** Paths the output schema promises (shared/checks/schemaPaths.ts). */
  paths: readonly string[];
  onChange(value: string): void;
  'aria-label': string;
  placeholder?: string;
  spellCheck?: boolean;
}

const MAX_SHOWN = 8;

/** A JSON path, with the output schema's paths offered as you type (combobox: arrows, Enter, Esc). */
export function PathInput({ value, paths, onChange, ...rest }: PathInputProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const typed = value.trim();
  const matches = paths.filter((path) => path !== typed && path.toLowerCase().includes(typed.toLowerCase())).slice(0, MAX_SHOWN);
  const shown = open && matches.length > 0;

  const choose = (path: string) => {
    onChange(path);
    setOpen(false);
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!shown) setOpen(true);
      else setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : -1) + matches.length) % matches.length);
    } else if (event.key === 'Enter' && shown) {
      event.preventDefault();
      const path = matches[Math.min(active, matches.length - 1)];
      if (path) choose(path);
    } else if (event.key === 'Escape' && shown) {
      event.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <div className="path-input">
      <input
        {...rest}
        className="check-field__input check-field__input--mono"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={shown ? listId : undefined}
        aria-activedescendant={shown ? `${listId}-${Math.min(active, matches.length - 1)}` : undefined}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <ul id={listId} className="path-input__list" role="listbox" aria-label="Paths in the output schema">
          {matches.map((path, index) => (
            <li
              key={path}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === Math.min(active, matches.length - 1)}
              className="path-input__option"
              // Chosen before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(path);
              }}
            >
              {path}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
