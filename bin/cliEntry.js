// Which code `workbench` runs: the bundle in dist/cli/ when it is at least as new as every source
// file it is built from, else the TypeScript sources (through tsx). A checkout edited since its last
// build so never runs stale code, and one without sources (a packaged copy) runs the bundle.
import fs from 'node:fs';
import path from 'node:path';

/** The newest modification time (ms) of the non-test .ts and .js files under electron/ and shared/; 0 when there are none. */
export function newestSourceMtime(root) {
  let newest = 0;
  for (const dir of ['electron', 'shared']) {
    const base = path.join(root, dir);
    if (!fs.existsSync(base)) continue;
    for (const entry of fs.readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.(ts|js)$/.test(entry.name) || entry.name.endsWith('.test.ts')) continue;
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** The bundle's path when it should run, or null when the sources should. */
export function currentBundle(root) {
  const bundle = path.join(root, 'dist', 'cli', 'workbench.js');
  try {
    return fs.statSync(bundle).mtimeMs >= newestSourceMtime(root) ? bundle : null;
  } catch {
    return null;
  }
}
