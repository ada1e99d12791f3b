// Where the better-sqlite3 binary built for Electron's ABI lives. node_modules/better-sqlite3/build
// holds the Node build that tests and the CLI use; Electron needs its own, which
// scripts/ensure-electron-sqlite.js puts in native/electron-<version>/ (same path written there).
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface BindingLocation {
  /** `app.getAppPath()`: the project folder in development, `.../resources/app.asar` when packaged. */
  appPath: string;
  /** `process.resourcesPath`. */
  resourcesPath: string;
  isPackaged: boolean;
  /** `process.versions.electron`. */
  electronVersion: string;
  exists?: (file: string) => boolean;
}

export function electronSqliteRelativePath(electronVersion: string): string {
  return path.join('native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/**
 * The binding's path, or undefined when it is missing (better-sqlite3 then tries its own build,
 * which fails with an ABI mismatch that main.ts turns into an actionable message).
 * Packaged: native/ is unpacked from the asar (a .node file cannot be loaded from inside one).
 */
export function electronSqliteBinding(location: BindingLocation): string | undefined {
  const base = location.isPackaged ? path.join(location.resourcesPath, 'app.asar.unpacked') : location.appPath;
  const file = path.join(base, electronSqliteRelativePath(location.electronVersion));
  return (location.exists ?? existsSync)(file) ? file : undefined;
}
