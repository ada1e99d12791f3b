// Changes to the `providers` setting, as pure functions: the setting is saved whole, so each edit
// returns the next value from the current one.
import { BUILT_IN_PROVIDERS } from '../../../shared/models';
import type { CompatibleEndpoint, ProviderSettings } from '../../../shared/providers';

type BuiltIn = (typeof BUILT_IN_PROVIDERS)[number];

const URL_FIELD: Record<BuiltIn, 'ollamaHost' | 'openaiBaseUrl' | 'anthropicBaseUrl'> = {
  ollama: 'ollamaHost',
  openai: 'openaiBaseUrl',
  anthropic: 'anthropicBaseUrl',
};

export function isBuiltIn(provider: string): provider is BuiltIn {
  return (BUILT_IN_PROVIDERS as readonly string[]).includes(provider);
}

/** A built-in's address (null: back to the environment or the default), or an endpoint's. */
export function withBaseUrl(settings: ProviderSettings, provider: string, url: string | null): ProviderSettings {
  if (isBuiltIn(provider)) return { ...settings, [URL_FIELD[provider]]: url };
  if (url === null) return settings;
  return { ...settings, endpoints: settings.endpoints.map((entry) => (entry.name === provider ? { ...entry, baseUrl: url } : entry)) };
}

/** Calls in flight at once; null takes the provider's default. */
export function withConcurrency(settings: ProviderSettings, provider: string, value: number | null): ProviderSettings {
  if (isBuiltIn(provider)) {
    const { [provider]: _old, ...rest } = settings.concurrency;
    return { ...settings, concurrency: value === null ? rest : { ...rest, [provider]: value } };
  }
  return {
    ...settings,
    endpoints: settings.endpoints.map((entry) => (entry.name === provider ? { ...entry, concurrency: value } : entry)),
  };
}

/** The concurrency set in Settings for this provider, or null when it takes the default. */
export function configuredConcurrency(settings: ProviderSettings, provider: string): number | null {
  if (isBuiltIn(provider)) return settings.concurrency[provider] ?? null;
  return settings.endpoints.find((entry) => entry.name === provider)?.concurrency ?? null;
}

export function withEndpoint(settings: ProviderSettings, endpoint: CompatibleEndpoint): ProviderSettings {
  return { ...settings, endpoints: [...settings.endpoints.filter((entry) => entry.name !== endpoint.name), endpoint] };
}

export function withoutEndpoint(settings: ProviderSettings, name: string): ProviderSettings {
  return { ...settings, endpoints: settings.endpoints.filter((entry) => entry.name !== name) };
}
