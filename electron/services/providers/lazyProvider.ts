// A provider whose SDK is loaded on its first call. The three SDKs together weigh about 45 MB of
// memory once loaded; a sweep over local models alone should not pay for Anthropic's.
import { parameterRules } from '../../../shared/parameterRules';
import type { ProviderKind } from '../../../shared/providers';
import type { ModelProvider } from './provider';

export function lazyProvider(meta: { id: string; kind: ProviderKind; label: string }, load: () => Promise<ModelProvider>): ModelProvider {
  let loaded: Promise<ModelProvider> | null = null;
  const real = () => (loaded ??= load());
  return {
    ...meta,
    rules: parameterRules[meta.kind],
    complete: async (request, options) => (await real()).complete(request, options),
    listModels: async (options) => (await real()).listModels(options),
  };
}
