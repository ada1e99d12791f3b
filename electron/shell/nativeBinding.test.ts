import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronSqliteBinding } from './nativeBinding';

const relative = path.join('native', 'electron-45.4.1', 'better_sqlite3.node');

describe('electronSqliteBinding', () => {
  it('finds the binding under the app folder in development', () => {
    const seen: string[] = [];
    const found = electronSqliteBinding({
      appPath: '/repo',
      resourcesPath: '/ignored',
      isPackaged: false,
      electronVersion: '45.4.1',
      exists: (file) => (seen.push(file), true),
    });
    expect(found).toBe(path.join('/repo', relative));
    expect(seen).toEqual([found]);
  });

  it('looks in app.asar.unpacked when packaged', () => {
    const found = electronSqliteBinding({
      appPath: '/opt/pw/resources/app.asar',
      resourcesPath: '/opt/pw/resources',
      isPackaged: true,
      electronVersion: '45.4.1',
      exists: () => true,
    });
    expect(found).toBe(path.join('/opt/pw/resources/app.asar.unpacked', relative));
  });

  it('is undefined when the file is missing', () => {
    expect(
      electronSqliteBinding({ appPath: '/repo', resourcesPath: '/r', isPackaged: false, electronVersion: '45.4.1', exists: () => false }),
    ).toBeUndefined();
  });
});
