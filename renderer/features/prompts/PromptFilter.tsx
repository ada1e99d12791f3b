import { useEffect, useRef } from 'react';
import { uiActions, useUiState } from '../../app/uiStore';
import { Kbd } from '../../components/Kbd';
import { CloseIcon, SearchIcon } from '../../components/icons';
import { hasCommandModifier, isTypingTarget } from '../../components/keyboard';

interface PromptFilterProps {
  /** Enter: open the first match. */
  onSubmit(): void;
  /** ↓: continue into the list. */
  onArrowDown(): void;
}

export function PromptFilter({ onSubmit, onArrowDown }: PromptFilterProps) {
  const value = useUiState((state) => state.promptFilter);
  const input = useRef<HTMLInputElement>(null);

  // `/` focuses the filter from anywhere, as in many editors and sites, unless the page took it (a review's search).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '/' || event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="prompt-filter">
      <SearchIcon size={14} className="prompt-filter__icon" />
      <input
        ref={input}
        className="prompt-filter__input"
        type="text"
        role="searchbox"
        aria-label="Filter prompts"
        aria-keyshortcuts="/"
        placeholder="Filter prompts"
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(event) => uiActions.setPromptFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            // First Esc clears, the next one leaves the box.
            if (value) uiActions.setPromptFilter('');
            else event.currentTarget.blur();
            event.stopPropagation();
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            onArrowDown();
          } else if (event.key === 'Enter') {
            event.preventDefault();
            onSubmit();
          }
        }}
      />
      {value ? (
        <button
          type="button"
          className="prompt-filter__clear"
          aria-label="Clear filter"
          title="Clear filter (Esc)"
          onClick={() => {
            uiActions.setPromptFilter('');
            input.current?.focus();
          }}
        >
          <CloseIcon size={12} />
        </button>
      ) : (
        <span className="prompt-filter__hint" aria-hidden="true">
          <Kbd>/</Kbd>
        </span>
      )}
    </div>
  );
}
