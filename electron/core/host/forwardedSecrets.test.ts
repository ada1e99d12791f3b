import { describe, expect, it } from 'vitest';
import { forwardedSecretStore } from './forwardedSecrets';

describe('forwardedSecretStore', () => {
  it('starts with the launcher’s keys and hands every change back to it', () => {
    const kept: [string, string | null][] = [];
    const store = forwardedSecretStore({ kind: 'keychain', values: { openai: 'sk-one' } }, (name, value) => void kept.push([name, value]));
    expect(store.kind).toBe('keychain');
    expect(store.get('openai')).toBe('sk-one');
    store.set('anthropic', 'sk-two');
    store.set('openai', null);
    expect(store.get('anthropic')).toBe('sk-two');
    expect(store.get('openai')).toBeNull();
    expect(kept).toEqual([
      ['anthropic', 'sk-two'],
      ['openai', null],
    ]);
  });
});
