import { describe, expect, it } from 'vitest';
import { DEFAULT_SHELL_PREFS, readShellPrefs, writeShellPrefs } from './shellPrefs';

function memoryStorage(initial?: string) {
  let value = initial ?? null;
  return { getItem: () => value, setItem: (_key: string, next: string) => (value = next) };
}

describe('shell preferences', () => {
  it('round-trips through storage, so a collapsed prompt library stays collapsed after a reload', () => {
    const storage = memoryStorage();
    writeShellPrefs(storage, { sidebarCollapsed: true });
    expect(readShellPrefs(storage)).toEqual({ sidebarCollapsed: true });
    writeShellPrefs(storage, { sidebarCollapsed: false });
    expect(readShellPrefs(storage)).toEqual({ sidebarCollapsed: false });
  });

  it('falls back to an open library on anything unreadable', () => {
    expect(readShellPrefs(memoryStorage('{"sidebarCollapsed": "yes"}'))).toEqual(DEFAULT_SHELL_PREFS);
    expect(readShellPrefs(memoryStorage('null'))).toEqual(DEFAULT_SHELL_PREFS);
    expect(readShellPrefs(memoryStorage('not json'))).toEqual(DEFAULT_SHELL_PREFS);
    expect(readShellPrefs(undefined)).toEqual(DEFAULT_SHELL_PREFS);
  });

  it('keeps working when storage refuses to write', () => {
    const refusing = { setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => writeShellPrefs(refusing, { sidebarCollapsed: true })).not.toThrow();
  });
});
