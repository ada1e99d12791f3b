// The draft discarded last, per window, so its undo outlives the button (which goes with the draft).
import type { DiscardedDraft } from '../../../shared/drafts';
import { createStore, useStore } from '../../app/createStore';

export interface Discarded {
  name: string;
  draft: DiscardedDraft;
  /** Changes with every discard, so the notice starts afresh. */
  at: number;
}

const store = createStore<{ last: Discarded | null }>({ last: null });

export const discardActions = {
  discarded: (name: string, draft: DiscardedDraft) => store.set({ last: { name, draft, at: Date.now() } }),
  dismiss: () => store.set({ last: null }),
};

/** The last discard of this prompt's draft, if its undo is still on offer. */
export const useDiscarded = (name: string) => useStore(store, (state) => (state.last?.name === name ? state.last : null));
