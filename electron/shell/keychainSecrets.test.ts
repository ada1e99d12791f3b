import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainSecretStore, SECRETS_FILE, type Encryptor } from './keychainSecrets';

// Stands in for safeStorage: a reversible transform, so the test can tell encrypted from plain.
const fakeEncryptor = (available = true): Encryptor => ({
  isEncryptionAvailable: () => available,
  encryptString: (text) => Buffer.from(`enc:${[...text].reverse().join('')}`),
  decryptString: (buffer) => {
    const text = buffer.toString();
    if (!text.startsWith('enc:')) throw new Error('bad ciphertext');
    return [...text.slice(4)].reverse().join('');
  },
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-keys-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('keychainSecretStore', () => {
  it('keeps keys encrypted on disk and reads them back in a new session', () => {
    const store = keychainSecretStore(dir, fakeEncryptor());
    store.set('openai', 'sk-test-secret-123');
    const onDisk = fs.readFileSync(path.join(dir, SECRETS_FILE), 'utf8');
    expect(onDisk).not.toContain('sk-test-secret-123');
    expect(keychainSecretStore(dir, fakeEncryptor()).get('openai')).toBe('sk-test-secret-123');
    expect(store.kind).toBe('keychain');
  });

  it('writes the file readable by its owner only', () => {
    keychainSecretStore(dir, fakeEncryptor()).set('anthropic', 'key');
    expect(fs.statSync(path.join(dir, SECRETS_FILE)).mode & 0o077).toBe(0);
  });

  it('removes a key', () => {
    const store = keychainSecretStore(dir, fakeEncryptor());
    store.set('openai', 'a');
    store.set('openai', null);
    expect(keychainSecretStore(dir, fakeEncryptor()).get('openai')).toBeNull();
  });

  it('falls back to a session store, with a warning, when there is no keychain', () => {
    const warnings: string[] = [];
    const store = keychainSecretStore(dir, fakeEncryptor(false), (message) => warnings.push(message));
    store.set('openai', 'k');
    expect(store.kind).toBe('session');
    expect(store.get('openai')).toBe('k');
    expect(fs.existsSync(path.join(dir, SECRETS_FILE))).toBe(false);
    expect(warnings[0]).toMatch(/keychain is not available/);
  });

  it('survives a damaged file and an undecryptable entry', () => {
    fs.writeFileSync(path.join(dir, SECRETS_FILE), '{broken');
    const warnings: string[] = [];
    expect(keychainSecretStore(dir, fakeEncryptor(), (message) => warnings.push(message)).get('openai')).toBeNull();
    fs.writeFileSync(path.join(dir, SECRETS_FILE), JSON.stringify({ openai: Buffer.from('garbage').toString('base64') }));
    expect(keychainSecretStore(dir, fakeEncryptor(), (message) => warnings.push(message)).get('openai')).toBeNull();
    expect(warnings).toHaveLength(2);
  });

  it('hands every readable key, decrypted, to the core in a snapshot, leaving out one it cannot decrypt', () => {
    const store = keychainSecretStore(dir, fakeEncryptor());
    store.set('openai', 'sk-one');
    store.set('anthropic', 'sk-two');
    const file = path.join(dir, SECRETS_FILE);
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), vllm: Buffer.from('garbage').toString('base64') }));
    const reopened = keychainSecretStore(dir, fakeEncryptor(), () => undefined);
    expect(reopened.snapshot()).toEqual({ kind: 'keychain', values: { openai: 'sk-one', anthropic: 'sk-two' } });
    const session = keychainSecretStore(dir, fakeEncryptor(false), () => undefined);
    session.set('openai', 'sk-session');
    expect(session.snapshot()).toEqual({ kind: 'session', values: { openai: 'sk-session' } });
  });
});
