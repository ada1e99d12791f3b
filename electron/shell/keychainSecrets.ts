// API keys in the desktop app: encrypted by Electron's safeStorage (the OS keychain holds the
// encryption key) and kept in the app's user-data folder, never in a workspace or its database.
// Only the main process decrypts them: it hands them to the core's process when it starts it (over
// its private channel) and keeps what the core sends back when a key is set in Settings.
// safeStorage is passed in, so this module is tested without Electron.
import fs from 'node:fs';
import path from 'node:path';
import type { SecretsSnapshot } from '../core/host/hostProtocol';

export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const SECRETS_FILE = 'provider-keys.json';

export interface KeychainSecrets {
  /** keychain: persisted encrypted by the OS; session: forgotten when the app quits. */
  readonly kind: SecretsSnapshot['kind'];
  get(name: string): string | null;
  set(name: string, value: string | null): void;
  /** Every key, decrypted, for the core's process (never written anywhere). */
  snapshot(): SecretsSnapshot;
}

export function keychainSecretStore(folder: string, encryptor: Encryptor, warn: (message: string) => void = console.warn): KeychainSecrets {
  // Without a keychain (e.g. Linux with no secret service) keys would be stored in plain text;
  // keep them for this session instead and say so.
  if (!encryptor.isEncryptionAvailable()) {
    warn('The OS keychain is not available: API keys entered in Settings last until the app quits.');
    return sessionSecrets();
  }
  const file = path.join(folder, SECRETS_FILE);
  const encrypted = readEncrypted(file, warn);
  const get = (name: string): string | null => {
    const value = encrypted[name];
    if (value === undefined) return null;
    try {
      return encryptor.decryptString(Buffer.from(value, 'base64'));
    } catch {
      warn(`The stored key for "${name}" could not be decrypted (the keychain changed?); enter it again in Settings.`);
      return null;
    }
  };
  return {
    kind: 'keychain',
    get,
    set(name, value) {
      if (value === null) delete encrypted[name];
      else encrypted[name] = encryptor.encryptString(value).toString('base64');
      writePrivate(file, JSON.stringify(encrypted, null, 2));
    },
    snapshot() {
      const values: Record<string, string> = {};
      for (const name of Object.keys(encrypted)) {
        const value = get(name);
        if (value !== null) values[name] = value;
      }
      return { kind: 'keychain', values };
    },
  };
}

function sessionSecrets(): KeychainSecrets {
  const values = new Map<string, string>();
  return {
    kind: 'session',
    get: (name) => values.get(name) ?? null,
    set(name, value) {
      if (value === null) values.delete(name);
      else values.set(name, value);
    },
    snapshot: () => ({ kind: 'session', values: Object.fromEntries(values) }),
  };
}

function readEncrypted(file: string, warn: (message: string) => void): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    warn(`${file} is damaged; stored API keys must be entered again in Settings.`);
    return {};
  }
}

/** Owner-only permissions, written to a temp file and renamed so a crash never leaves half a file. */
function writePrivate(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o600 });
  fs.renameSync(temp, file);
}
