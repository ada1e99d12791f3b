// Tells the UI when the repository moved under it: a commit, checkout, pull or reset made with
// ordinary git changes HEAD, the index or a branch, which changes which prompts count as dirty.
import fs from 'node:fs';
import path from 'node:path';
import type { Workspace } from './workspace';

const SETTLE_MS = 150;
const WATCHED_GIT_FILES = new Set(['HEAD', 'index', 'ORIG_HEAD', 'FETCH_HEAD', 'packed-refs']);

export function watchRepository(workspace: Workspace, onChange: () => void): () => void {
  const gitDir = path.join(workspace.path, '.git');
  let timer: NodeJS.Timeout | undefined;
  const settle = () => {
    // git writes several files per command (lock, rename); report once it is done.
    clearTimeout(timer);
    timer = setTimeout(onChange, SETTLE_MS);
  };
  const watchers = [
    watchFolder(gitDir, (file) => WATCHED_GIT_FILES.has(file), settle),
    watchFolder(path.join(gitDir, 'refs', 'heads'), (file) => !file.endsWith('.lock'), settle),
  ];
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher?.close();
  };
}

function watchFolder(folder: string, relevant: (file: string) => boolean, onEvent: () => void): fs.FSWatcher | undefined {
  try {
    const watcher = fs.watch(folder, (_event, filename) => {
      if (!filename || relevant(filename.toString())) onEvent();
    });
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    // No .git (or no branches yet): nothing to watch; prompts/ is still watched.
    return undefined;
  }
}
