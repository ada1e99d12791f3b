// Model providers as the UI sees them: where each one is, whether it has a key (never the key
// itself), what models it offers and whether it answers.
import { z } from 'zod';

export const ProviderKind = z.enum(['ollama', 'openai', 'anthropic', 'openai-compatible']);
export type ProviderKind = z.infer<typeof ProviderKind>;

/** A named OpenAI-compatible endpoint's id: used as the provider part of `name/model`. */
export const EndpointName = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and "-", starting with a letter or digit')
  .refine((name) => !['ollama', 'openai', 'anthropic'].includes(name), 'That name belongs to a built-in provider');

/** Six hours: well inside the SDK clients' own timeout of a day (see openaiProvider). */
export const MAX_CALL_SECONDS = 21_600;

const BASE_URL_EXAMPLE = 'Give a full address such as http://127.0.0.1:1234/v1';

/**
 * An address as stored. Kept as lenient as it always was, so settings saved by an older version
 * still read back whole; the registry refuses a non-http(s) address when it is used, saying so.
 */
const BaseUrl = z.string().trim().url(BASE_URL_EXAMPLE);

/** An address a person types in Settings: only http: and https: reach a model server (not ftp:, file:, javascript:). */
export const HttpAddress = BaseUrl.refine((address) => /^https?:\/\//i.test(address), `Use an http:// or https:// address. ${BASE_URL_EXAMPLE}`);

/** An OpenAI-compatible endpoint (LM Studio, vLLM, llama.cpp server, OpenRouter, …). */
export const CompatibleEndpoint = z.object({
  name: EndpointName,
  baseUrl: BaseUrl,
  /** Calls in flight at once; null takes the provider default. */
  concurrency: z.number().int().min(1).max(64).nullable().default(null),
});
export type CompatibleEndpoint = z.infer<typeof CompatibleEndpoint>;

/** A new endpoint as typed in Settings: its address must be http(s). */
export const NewEndpoint = CompatibleEndpoint.extend({ baseUrl: HttpAddress });

/** Where the built-in providers live and how hard to push them. Keys are not here: they go to the keychain. */
export const ProviderSettings = z.object({
  /** null: $OLLAMA_HOST, else http://127.0.0.1:11434 */
  ollamaHost: BaseUrl.nullable().default(null),
  /** null: $OPENAI_BASE_URL, else https://api.openai.com/v1 */
  openaiBaseUrl: BaseUrl.nullable().default(null),
  /** null: $ANTHROPIC_BASE_URL, else https://api.anthropic.com */
  anthropicBaseUrl: BaseUrl.nullable().default(null),
  endpoints: z.array(CompatibleEndpoint).default([]),
  /** Per built-in provider id; missing ids take the default (Ollama 1 per host, remote APIs 8). */
  concurrency: z.record(z.string(), z.number().int().min(1).max(64)).default({}),
  /**
   * Silence timeout: a call that receives nothing for this long (waiting for its first byte, or
   * between chunks of a streamed answer) is stopped, and retried.
   */
  timeoutSeconds: z.number().int().min(1).max(3600).default(120),
  /** The longest one call may take in all, however steadily it streams: a runaway answer ends here. */
  maxCallSeconds: z.number().int().min(1).max(MAX_CALL_SECONDS).default(600),
});
export type ProviderSettings = z.infer<typeof ProviderSettings>;

export const KeySource = z.enum(['keychain', 'session', 'environment', 'none']);
export type KeySource = z.infer<typeof KeySource>;

export const ProviderStatus = z.object({
  /** `ollama`, `openai`, `anthropic` or an endpoint name. */
  id: z.string(),
  kind: ProviderKind,
  label: z.string(),
  baseUrl: z.string(),
  /** Where the base URL came from, so Settings can say "from $OLLAMA_HOST". */
  baseUrlSource: z.enum(['settings', 'environment', 'default']),
  keySource: KeySource,
  /** Environment variable that supplies the key, when this provider reads one. */
  keyVariable: z.string().nullable(),
  keyRequired: z.boolean(),
  concurrency: z.number().int(),
});
export type ProviderStatus = z.infer<typeof ProviderStatus>;

export const ModelInfo = z.object({
  /** `provider/model`, as written in prompt files and run requests. */
  id: z.string(),
  provider: z.string(),
  model: z.string(),
  /** Ollama: bytes on disk. */
  sizeBytes: z.number().nullable().default(null),
  /** Ollama: the model family (llama, qwen2, …). */
  family: z.string().nullable().default(null),
  parameterSize: z.string().nullable().default(null),
});
export type ModelInfo = z.infer<typeof ModelInfo>;

export const ProviderHealth = z.object({
  provider: z.string(),
  ok: z.boolean(),
  /** What is wrong and what to do about it, e.g. "Ollama is not running at 127.0.0.1:11434 — start it with `ollama serve`". */
  message: z.string(),
  models: z.array(ModelInfo),
  checkedAt: z.string(),
});
export type ProviderHealth = z.infer<typeof ProviderHealth>;

export const SetProviderKeyRequest = z.object({
  provider: z.string().min(1),
  /** null removes the stored key (the environment variable, if any, applies again). */
  key: z.string().trim().min(1, 'Paste the key, or remove it').max(500).nullable(),
});
