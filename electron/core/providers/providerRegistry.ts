// The providers for one set of settings and keys: the three built-ins and each configured
// OpenAI-compatible endpoint. Addresses and keys are resolved once, when the registry is built
// (settings, then the environment, then the default); providerAccess builds a new registry after
// a change. Each provider, and so each SDK client, is built on first use and then reused.
import { parameterRules } from '../../../shared/parameterRules';
import type { ModelInfo, ProviderHealth, ProviderKind, ProviderSettings, ProviderStatus } from '../../../shared/providers';
import { lazyProvider } from './lazyProvider';
import type { ModelProvider } from './provider';
import { ProviderFailureError } from './provider';
import type { SecretStore } from './secretStore';
import { redactSecrets } from './secretRedaction';
import { addressProblem, unusableProvider } from './unusableAddress';

export interface ProviderRegistry {
  statuses(): ProviderStatus[];
  get(id: string): ModelProvider | null;
  /** Model discovery with a short timeout; never rejects. */
  health(id: string, options?: { signal?: AbortSignal }): Promise<ProviderHealth>;
}

export interface ProviderRegistryOptions {
  settings: ProviderSettings;
  env: NodeJS.ProcessEnv;
  secrets: SecretStore;
  fetch?: typeof fetch;
  /** How long health() waits for the model list; default HEALTH_TIMEOUT_MS. */
  healthTimeoutMs?: number;
}

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
export const HEALTH_TIMEOUT_MS = 5000;

interface Entry {
  status: ProviderStatus;
  apiKey: string | null;
  build(): ModelProvider;
  provider: ModelProvider | null;
  /** Where the address came from, for the message when it cannot be used. */
  addressVariable?: string;
}

export function createProviderRegistry(options: ProviderRegistryOptions): ProviderRegistry {
  const entries = resolveEntries(options);
  const healthTimeoutMs = options.healthTimeoutMs ?? HEALTH_TIMEOUT_MS;

  function get(id: string): ModelProvider | null {
    const entry = entries.get(id);
    if (!entry) return null;
    entry.provider ??= buildProvider(entry);
    return entry.provider;
  }

  async function health(id: string, healthOptions: { signal?: AbortSignal } = {}): Promise<ProviderHealth> {
    const entry = entries.get(id);
    // Shown in Settings and the run dialog: an address's user:password never goes with it.
    const result = (ok: boolean, message: string, models: ModelInfo[] = []): ProviderHealth => ({
      provider: id,
      ok,
      message: redactSecrets(message, entry?.apiKey),
      models,
      checkedAt: new Date().toISOString(),
    });
    if (!entry) return result(false, `There is no provider "${id}". Known providers: ${[...entries.keys()].join(', ')}.`);
    const { status } = entry;
    if (status.keyRequired && entry.apiKey === null) return result(false, `Set ${status.keyVariable} or add a key in Settings`);
    const timeout = AbortSignal.timeout(healthTimeoutMs);
    const signal = healthOptions.signal ? AbortSignal.any([healthOptions.signal, timeout]) : timeout;
    try {
      entry.provider ??= buildProvider(entry);
      const models = await entry.provider.listModels({ signal });
      return result(true, modelCountMessage(status.kind, models.length), models);
    } catch (error) {
      if (timeout.aborted && !healthOptions.signal?.aborted) {
        return result(false, `${status.label} did not answer within ${formatDuration(healthTimeoutMs)} at ${status.baseUrl}.`);
      }
      return result(false, error instanceof ProviderFailureError ? error.message : `${status.label} could not be checked: ${String(error)}`);
    }
  }

  return {
    statuses: () => [...entries.values()].map((entry) => ({ ...entry.status })),
    get,
    health,
  };
}

/** The provider, or one that refuses every call when its address cannot be used (see unusableAddress). */
function buildProvider(entry: Entry): ModelProvider {
  const { status } = entry;
  const variable = status.baseUrlSource === 'environment' ? (entry.addressVariable ?? null) : null;
  const example = status.kind === 'ollama' ? DEFAULT_OLLAMA_HOST : status.kind === 'anthropic' ? DEFAULT_ANTHROPIC_BASE_URL : status.kind === 'openai' ? DEFAULT_OPENAI_BASE_URL : 'http://127.0.0.1:1234/v1';
  const problem = addressProblem({ label: status.label, address: status.baseUrl, variable, example });
  return problem === null ? entry.build() : unusableProvider(status, problem);
}

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function modelCountMessage(kind: ProviderKind, count: number): string {
  if (count === 0 && kind === 'ollama') return 'Ollama is running but has no models yet — pull one with `ollama pull llama3.2`';
  return count === 1 ? '1 model' : `${count} models`;
}

function resolveEntries({ settings, env, secrets, fetch }: ProviderRegistryOptions): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const concurrency = (id: string, kind: ProviderKind, own?: number | null) => settings.concurrency[id] ?? own ?? parameterRules[kind].defaultConcurrency;
  const fetchOption = fetch ? { fetch } : {};

  const ollama = pick(settings.ollamaHost, env.OLLAMA_HOST, DEFAULT_OLLAMA_HOST);
  const ollamaHost = normaliseOllamaHost(ollama.value);
  entries.set('ollama', {
    status: status('ollama', 'ollama', 'Ollama', ollamaHost, ollama.source, 'none', null, false, concurrency('ollama', 'ollama')),
    apiKey: null,
    build: () =>
      lazyProvider({ id: 'ollama', kind: 'ollama', label: 'Ollama', embeds: true }, async () => (await import('./ollamaProvider')).createOllamaProvider({ host: ollamaHost, ...fetchOption })),
    provider: null,
    addressVariable: 'OLLAMA_HOST',
  });

  const openai = pick(settings.openaiBaseUrl, env.OPENAI_BASE_URL, DEFAULT_OPENAI_BASE_URL);
  const openaiKey = resolveKey(secrets, 'openai', env.OPENAI_API_KEY);
  const openaiUrl = trimSlash(openai.value);
  entries.set('openai', {
    status: status('openai', 'openai', 'OpenAI', openaiUrl, openai.source, openaiKey.source, 'OPENAI_API_KEY', true, concurrency('openai', 'openai')),
    apiKey: openaiKey.value,
    build: () =>
      lazyProvider({ id: 'openai', kind: 'openai', label: 'OpenAI', embeds: true }, async () =>
        (await import('./openaiProvider')).createOpenAIProvider({ id: 'openai', kind: 'openai', label: 'OpenAI', baseUrl: openaiUrl, apiKey: openaiKey.value, keyVariable: 'OPENAI_API_KEY', ...fetchOption }),
      ),
    provider: null,
    addressVariable: 'OPENAI_BASE_URL',
  });

  const anthropic = pick(settings.anthropicBaseUrl, env.ANTHROPIC_BASE_URL, DEFAULT_ANTHROPIC_BASE_URL);
  const anthropicKey = resolveKey(secrets, 'anthropic', env.ANTHROPIC_API_KEY);
  const anthropicUrl = trimSlash(anthropic.value);
  entries.set('anthropic', {
    status: status('anthropic', 'anthropic', 'Anthropic', anthropicUrl, anthropic.source, anthropicKey.source, 'ANTHROPIC_API_KEY', true, concurrency('anthropic', 'anthropic')),
    apiKey: anthropicKey.value,
    build: () =>
      lazyProvider({ id: 'anthropic', kind: 'anthropic', label: 'Anthropic', embeds: false }, async () =>
        (await import('./anthropicProvider')).createAnthropicProvider({ baseUrl: anthropicUrl, apiKey: anthropicKey.value, ...fetchOption }),
      ),
    provider: null,
    addressVariable: 'ANTHROPIC_BASE_URL',
  });

  for (const endpoint of settings.endpoints) {
    // Settings refuse duplicate and built-in names; should one slip through, the first one wins.
    if (entries.has(endpoint.name)) continue;
    const key = resolveKey(secrets, endpoint.name, undefined);
    const baseUrl = trimSlash(endpoint.baseUrl);
    const { name } = endpoint;
    entries.set(name, {
      status: status(name, 'openai-compatible', name, baseUrl, 'settings', key.source, null, false, concurrency(name, 'openai-compatible', endpoint.concurrency)),
      apiKey: key.value,
      build: () =>
        lazyProvider({ id: name, kind: 'openai-compatible', label: name, embeds: true }, async () =>
          (await import('./openaiProvider')).createOpenAIProvider({ id: name, kind: 'openai-compatible', label: name, baseUrl, apiKey: key.value, ...fetchOption }),
        ),
      provider: null,
    });
  }
  return entries;
}

function status(
  id: string,
  kind: ProviderKind,
  label: string,
  baseUrl: string,
  baseUrlSource: ProviderStatus['baseUrlSource'],
  keySource: ProviderStatus['keySource'],
  keyVariable: string | null,
  keyRequired: boolean,
  concurrency: number,
): ProviderStatus {
  return { id, kind, label, baseUrl, baseUrlSource, keySource, keyVariable, keyRequired, concurrency };
}

/** Settings first, then the environment (an empty variable counts as unset), then the default. */
function pick(setting: string | null, variable: string | undefined, fallback: string): { value: string; source: ProviderStatus['baseUrlSource'] } {
  if (setting) return { value: setting, source: 'settings' };
  const fromEnv = variable?.trim();
  if (fromEnv) return { value: fromEnv, source: 'environment' };
  return { value: fallback, source: 'default' };
}

/** A key typed into Settings beats the environment variable. */
function resolveKey(secrets: SecretStore, name: string, variable: string | undefined): { value: string | null; source: ProviderStatus['keySource'] } {
  const stored = secrets.get(name)?.trim();
  if (stored) return { value: stored, source: secrets.kind };
  const fromEnv = variable?.trim();
  if (fromEnv) return { value: fromEnv, source: 'environment' };
  return { value: null, source: 'none' };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * OLLAMA_HOST as the Ollama CLI reads it: `0.0.0.0`, `127.0.0.1:11434`, `:11434`, `example.com`,
 * `http://host` or `https://host:443/path`. Without a scheme it is http and the port defaults to
 * 11434; with one the port defaults to the scheme's. Unlike the CLI, a wildcard address (0.0.0.0,
 * ::) becomes 127.0.0.1: it is what the server listens on, not an address to connect to
 * (and Windows refuses to connect to it).
 */
export function normaliseOllamaHost(raw: string): string {
  let value = raw.trim().replace(/^["']|["']$/g, '');
  let scheme = 'http';
  let defaultPort = '11434';
  const separator = value.indexOf('://');
  if (separator >= 0) {
    scheme = value.slice(0, separator).toLowerCase();
    value = value.slice(separator + 3);
    defaultPort = scheme === 'https' ? '443' : '80';
  } else if (value === 'ollama.com') {
    scheme = 'https';
    defaultPort = '443';
  }
  const slash = value.indexOf('/');
  const path = slash >= 0 ? trimSlash(value.slice(slash)) : '';
  const authority = slash >= 0 ? value.slice(0, slash) : value;
  // user:password@ for a proxy in front of Ollama is kept as given; only the host and port are read.
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at + 1) : '';
  const hostPort = authority.slice(at + 1);
  let host = hostPort;
  let port = defaultPort;
  const bracketed = /^\[([^\]]+)\](?::(\d*))?$/.exec(hostPort);
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2] || defaultPort;
  } else if ((hostPort.match(/:/g) ?? []).length === 1) {
    const colon = hostPort.indexOf(':');
    host = hostPort.slice(0, colon);
    port = hostPort.slice(colon + 1) || defaultPort;
  }
  if (!/^\d+$/.test(port) || Number(port) > 65535) port = defaultPort;
  if (host === '' || host === '0.0.0.0' || host === '::') host = '127.0.0.1';
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${userinfo}${shownHost}:${port}${path}`;
}
