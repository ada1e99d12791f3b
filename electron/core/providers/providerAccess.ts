// The provider registry for the current settings and keys. Rebuilt lazily after a change, so the
// next run and the next health check see it; a run already going keeps the providers it started with.
import type { SecretStore } from './secretStore';
import { createProviderRegistry, type ProviderRegistry } from './providerRegistry';

export interface ProviderAccess {
  registry(): ProviderRegistry;
  /** Settings or a key changed: build afresh on next use. */
  invalidate(): void;
  readonly secrets: SecretStore;
}

export function providerAccess(options: { settings: () => Parameters<typeof createProviderRegistry>[0]['settings']; env: NodeJS.ProcessEnv; secrets: SecretStore }): ProviderAccess {
  let current: ProviderRegistry | null = null;
  return {
    registry() {
      current ??= createProviderRegistry({ settings: options.settings(), env: options.env, secrets: options.secrets });
      return current;
    },
    invalidate() {
      current = null;
    },
    secrets: options.secrets,
  };
}
