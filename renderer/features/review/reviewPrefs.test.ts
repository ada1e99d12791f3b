import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, readPrefs, withBlind, writePrefs } from './reviewPrefs';

function memoryStorage(initial?: string) {
  let value = initial ?? null;
  return { getItem: () => value, setItem: (_key: string, next: string) => (value = next) };
}

describe('review preferences', () => {
  it('round-trips through storage, so blind mode survives a reload', () => {
    const storage = memoryStorage();
    writePrefs(storage, { blindRuns: withBlind([], 'r1', true), threshold: 0.9, similarity: 'ollama/nomic-embed-text', rows: 'models', density: 'compact' });
    expect(readPrefs(storage)).toEqual({ blindRuns: ['r1'], threshold: 0.9, similarity: 'ollama/nomic-embed-text', rows: 'models', density: 'compact' });
  });

  it('falls back field by field on anything unreadable', () => {
    expect(readPrefs(memoryStorage('{"threshold": 7, "rows": "x", "density": "tiny", "blindRuns": ["a", 3]}'))).toEqual({ ...DEFAULT_PREFS, blindRuns: ['a'] });
    expect(readPrefs(memoryStorage('not json'))).toEqual(DEFAULT_PREFS);
    expect(readPrefs(undefined)).toEqual(DEFAULT_PREFS);
  });

  it('reads a saved entry from before density existed as comfortable, keeping the rest', () => {
    expect(readPrefs(memoryStorage('{"rows": "models", "threshold": 0.7}'))).toEqual({ ...DEFAULT_PREFS, rows: 'models', threshold: 0.7, density: 'comfortable' });
  });

  it('turns blind mode on and off per run', () => {
    expect(withBlind(['a', 'b'], 'a', true)).toEqual(['b', 'a']);
    expect(withBlind(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
