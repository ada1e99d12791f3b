import { useSyncExternalStore } from 'react';
import { useLeaveGuard } from '../../app/leaveGuard';
import { parseHash, routePrompt } from '../../app/router';
import type { SaveState } from './draftSync';
import type { PromptDrafts } from './usePromptDrafts';

/** Only the save state, so the page re-renders when it changes, not with every keystroke. */
function useStuck(draft: { subscribe(listener: () => void): () => void; getSnapshot(): { state: SaveState } }): boolean {
  return useSyncExternalStore(draft.subscribe, () => {
    const { state } = draft.getSnapshot();
    return state === 'conflict' || state === 'failed';
  });
}

/**
 * Edits that wait to be written are written when the prompt's page is left (usePromptDrafts), so
 * only those that cannot be (a conflict to decide, a save that failed) make leaving ask first. The
 * prompt's other tabs keep them: moving between tabs never asks.
 */
export function useDraftsLeaveGuard(drafts: PromptDrafts, name: string): void {
  const source = useStuck(drafts.source);
  const cases = useStuck(drafts.cases);
  useLeaveGuard(source || cases, `the changes to “${name}” that could not be saved`, (hash) => routePrompt(parseHash(hash)) === name);
}
