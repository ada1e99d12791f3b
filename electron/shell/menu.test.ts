import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));

import { menuTemplate } from './menu';

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}
const roles = (items: MenuItemConstructorOptions[]) => allItems(items).map((item) => item.role).filter(Boolean);

describe('menuTemplate', () => {
  it('has no reload or devtools outside development', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const found = roles(menuTemplate(platform, false));
      expect(found).not.toContain('toggleDevTools');
      expect(found).not.toContain('reload');
      expect(found).not.toContain('forceReload');
    }
  });

  it('has reload and devtools in development', () => {
    expect(roles(menuTemplate('linux', true))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has the edit roles, zoom and full screen everywhere', () => {
    expect(roles(menuTemplate('linux', false))).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'quit']),
    );
  });

  it('puts the app menu first on macOS only', () => {
    expect(menuTemplate('darwin', false)[0]?.label).toBe('Prompt Workbench');
    expect(menuTemplate('linux', false)[0]?.label).toBe('File');
  });

  it('opens no URLs', () => {
    for (const item of allItems(menuTemplate('darwin', true))) expect(item.click).toBeUndefined();
    expect(JSON.stringify(menuTemplate('linux', true))).not.toMatch(/https?:/);
  });
});
