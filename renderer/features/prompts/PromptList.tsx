import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { PromptSummary } from '../../../shared/prompts';
import { hasCommandModifier } from '../../components/keyboard';
import { PromptListItem } from './PromptListItem';

interface PromptListProps {
  prompts: PromptSummary[];
  selectedName: string | null;
  listRef: RefObject<HTMLUListElement | null>;
  /** ↑ on the first item goes back up to the filter. */
  onLeaveTop(): void;
}

const NEXT_KEYS = new Set(['ArrowDown', 'j']);
const PREVIOUS_KEYS = new Set(['ArrowUp', 'k']);

/** Items are links, so Enter and clicks open them natively; arrows and j/k move focus between them. */
export function PromptList({ prompts, selectedName, listRef, onLeaveTop }: PromptListProps) {
  const selectedVisible = prompts.some((prompt) => prompt.name === selectedName);
  const scrolledTo = useRef<string | null>(null);

  // Bring the open prompt into view when it changes (e.g. a deep link), without stealing focus.
  useEffect(() => {
    if (!selectedName || scrolledTo.current === selectedName) return;
    const item = listRef.current?.querySelector(`[data-prompt-item="${CSS.escape(selectedName)}"]`);
    if (item) {
      item.scrollIntoView({ block: 'nearest' });
      scrolledTo.current = selectedName;
    }
  }, [selectedName, listRef, prompts]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (hasCommandModifier(event)) return;
    const items = promptItems(event.currentTarget);
    const current = items.findIndex((item) => item === document.activeElement);
    let next: number | undefined;
    if (NEXT_KEYS.has(event.key)) next = Math.min(current + 1, items.length - 1);
    else if (PREVIOUS_KEYS.has(event.key)) {
      if (current <= 0) {
        event.preventDefault();
        onLeaveTop();
        return;
      }
      next = current - 1;
    } else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    items[next]?.focus();
  }

  return (
    <ul className="prompt-list" ref={listRef} onKeyDown={onKeyDown} aria-label="Prompts">
      {prompts.map((prompt, index) => (
        <PromptListItem
          key={prompt.name}
          prompt={prompt}
          selected={prompt.name === selectedName}
          tabbable={selectedVisible ? prompt.name === selectedName : index === 0}
        />
      ))}
    </ul>
  );
}

export function promptItems(list: HTMLElement): HTMLAnchorElement[] {
  return [...list.querySelectorAll<HTMLAnchorElement>('a[data-prompt-item]')];
}
