// Where API keys live. The desktop app passes a store backed by Electron's safeStorage (the OS
// keychain); browser mode and the CLI keep keys typed into Settings in memory for the session only.
// Keys never go to the workspace, the database, logs or exports.
export interface SecretStore {
  /** keychain: persisted encrypted by the OS; session: forgotten when the process ends. */
  readonly kind: 'keychain' | 'session';
  get(name: string): string | null;
  set(name: string, value: string | null): void;
}

export function sessionSecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    kind: 'session',
    get: (name) => values.get(name) ?? null,
    set(name, value) {
      if (value === null) values.delete(name);
      else values.set(name, value);
    },
  };
}
