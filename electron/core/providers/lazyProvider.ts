// A provider whose SDK is loaded on its first call. The SDKs are large once loaded; a sweep over
// local models alone should not pay for Anthropic's.
import { parameterRules } from '../../../shared/parameterRules';
import type { ProviderKind } from '../../../shared/providers';
import type { ModelProvider } from './provider';

export interface LazyProviderMeta {
  id: string;
  kind: ProviderKind;
  label: string;
  /** Whether the loaded provider has `embed`: known before loading, so "has no embeddings API" needs no SDK. */
  embeds: boolean;
}

export function lazyProvider({ embeds, ...meta }: LazyProviderMeta, load: () => Promise<ModelProvider>): ModelProvider {
  let loaded: Promise<ModelProvider> | null = null;
  const real = () => (loaded ??= load());
  const provider: ModelProvider = {
    ...meta,
    rules: parameterRules[meta.kind],
    complete: async (request, options) => (await real()).complete(request, options),
    listModels: async (options) => (await real()).listModels(options),
    // A failed load is reported by the call that needs it; here it only must not go unhandled.
    prepare: () => void real().catch(() => undefined),
  };
  if (embeds) {
    provider.embed = async (texts, options) => {
      const loadedProvider = await real();
      if (!loadedProvider.embed) throw new Error(`${meta.label} was registered as having embeddings but has none`);
      return loadedProvider.embed(texts, options);
    };
  }
  return provider;
}
