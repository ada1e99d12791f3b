// Whether the versions list shows only approved versions: a view preference of this window, kept
// apart from the app's UI store because only the History tab reads it.
import { createStore, useStore } from '../../app/createStore';

const filterStore = createStore({ approvedOnly: false });

export function useApprovedOnly(): boolean {
  return useStore(filterStore, (state) => state.approvedOnly);
}

export function setApprovedOnly(approvedOnly: boolean): void {
  filterStore.set({ approvedOnly });
}
