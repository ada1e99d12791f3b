// Tells the UI when prompt files change on disk, whoever changed them (the app, an editor, git).
import fs from 'node:fs';
import { CASES_EXTENSION, PROMPT_EXTENSION } from './promptLibrary';
import type { Workspace } from './workspace';

const SETTLE_MS = 150;

export function watchPrompts(workspace: Workspace, onChange: (names: string[]) => void): () => void {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let watcher: fs.FSWatcher;
  try {
    watcher = fs.watch(workspace.promptsDir, (_event, filename) => {
      const name = filename ? promptNameOf(filename.toString()) : undefined;
      if (filename && !name) return;
      if (name) pending.add(name);
      // Editors and git write several times per save; report once the burst settles.
      clearTimeout(timer);
      timer = setTimeout(() => {
        const names = [...pending].sort();
        pending.clear();
        onChange(names);
      }, SETTLE_MS);
    });
  } catch {
    return () => {};
  }
  watcher.on('error', () => watcher.close());
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}

function promptNameOf(filename: string): string | undefined {
  if (filename.endsWith(PROMPT_EXTENSION)) return filename.slice(0, -PROMPT_EXTENSION.length);
  if (filename.endsWith(CASES_EXTENSION)) return filename.slice(0, -CASES_EXTENSION.length);
  return undefined;
}
