// API keys inside the core host. The launcher owns them (the desktop app's main process encrypts
// them with safeStorage; `serve` keeps them for its session) and hands them over when it opens the
// core; a key set in Settings goes back to the launcher, which keeps it and sends it again to the
// next host after a restart. The host holds keys in memory only: nothing here touches a disk.
import type { SecretStore } from '../providers/secretStore';
import type { SecretsSnapshot } from './hostProtocol';

export function forwardedSecretStore(snapshot: SecretsSnapshot, keep: (name: string, value: string | null) => void): SecretStore {
  const values = new Map(Object.entries(snapshot.values));
  return {
    kind: snapshot.kind,
    get: (name) => values.get(name) ?? null,
    set(name, value) {
      if (value === null) values.delete(name);
      else values.set(name, value);
      keep(name, value);
    },
  };
}
