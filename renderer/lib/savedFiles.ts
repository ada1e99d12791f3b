// The file the app wrote last (a report, an export), for the notice that says where it went.
import type { SaveRunFileRequest, SavedFile } from '../../shared/exports';
import { createStore, useStore } from '../app/createStore';

export interface SavedNotice {
  file: SavedFile;
  /** What was asked for: the same content can be downloaded again through the browser. */
  request: SaveRunFileRequest;
  /** Changes with every save, so a second save of the same file shows afresh. */
  at: number;
}

const store = createStore<{ last: SavedNotice | null }>({ last: null });

export const savedFileActions = {
  show: (file: SavedFile, request: SaveRunFileRequest) => store.set({ last: { file, request, at: Date.now() } }),
  dismiss: () => store.set({ last: null }),
};

export const useLastSavedFile = () => useStore(store, (state) => state.last);
