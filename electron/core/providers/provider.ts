// The one interface every model provider implements. A call never throws for a provider's
// failure: the failure comes back as data, so the runner can record it, retry it or stop the run.
import type { ParameterRules } from '../../../shared/parameterRules';
import type { RenderedMessage } from '../../../shared/prompts';
import type { ModelInfo, ProviderKind } from '../../../shared/providers';

export interface CompletionRequest {
  /** The provider's own model name (`gpt-4o-mini`, `llama3.2`), without the `provider/` prefix. */
  model: string;
  messages: RenderedMessage[];
  temperature: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  /** Set when the prompt declares `output.format: json`; `schema` is JSON Schema when it declares one. */
  output?: { format: 'json'; schema?: Record<string, unknown> };
  stream: boolean;
}

export type FailureKind =
  | 'auth' // 401/403: the key is missing or rejected; retrying will not help
  | 'rate_limit' // 429
  | 'server' // 5xx
  | 'network' // connection refused, reset or dropped mid-stream
  | 'timeout'
  | 'bad_request' // 400/422: the request itself is wrong (unknown parameter, context too long)
  | 'not_found' // 404: unknown model
  | 'malformed' // the response could not be read
  | 'cancelled';

export interface ProviderFailure {
  kind: FailureKind;
  /** A message a person can act on, naming the provider ("OpenAI rejected the API key (401) …"). */
  message: string;
  status: number | null;
  /** From Retry-After / retry-after-ms, when the server sent one. */
  retryAfterMs: number | null;
  /** false when another try cannot help although failures of this kind usually retry. */
  retryable?: false;
}

export interface CallOptions {
  signal: AbortSignal;
  /**
   * Called when part of the answer arrives (its headers, each streamed chunk): the runner's silence
   * timeout starts again, so a long answer that keeps coming is not cut off.
   */
  activity?: () => void;
  /** Each piece of the answer's text as it streams in, in order (a streaming request only): Try once shows it live. */
  onText?: (piece: string) => void;
}

interface CompletionCommon {
  latencyMs: number;
  /** The request body's parameters as actually sent (everything except the messages). */
  sent: Record<string, unknown>;
}

export interface CompletionOk extends CompletionCommon {
  ok: true;
  output: string;
  finishReason: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** Time to first token, when streaming. */
  ttftMs: number | null;
}

export interface CompletionFailed extends CompletionCommon {
  ok: false;
  failure: ProviderFailure;
}

export type CompletionResult = CompletionOk | CompletionFailed;

/** One vector per text, in the order of the texts; or why there are none. */
export type EmbeddingResult = { ok: true; vectors: number[][] } | { ok: false; failure: ProviderFailure };

export interface ModelProvider {
  /** `ollama`, `openai`, `anthropic`, or a compatible endpoint's name: the prefix of its model ids. */
  readonly id: string;
  readonly kind: ProviderKind;
  /** For messages: "Ollama", "OpenAI", "Anthropic", or the endpoint's name. */
  readonly label: string;
  readonly rules: ParameterRules;
  /**
   * `signal` aborts the call (cancel or the runner's timeout); the result is then a `cancelled`
   * failure. It is this call's own signal (the runner makes one per call), so the SDKs' listeners
   * on it, never removed, go with it.
   */
  complete(request: CompletionRequest, options: CallOptions): Promise<CompletionResult>;
  /** Model discovery. Rejects with a ProviderFailureError whose message says what to do. */
  listModels(options?: { signal?: AbortSignal }): Promise<ModelInfo[]>;
  /**
   * Vectors from an embedding model (`model` without the `provider/` prefix), for similarity by
   * meaning. Absent when the provider has no embeddings API (Anthropic). Failures come back as data.
   */
  embed?(texts: string[], options: { model: string; signal: AbortSignal }): Promise<EmbeddingResult>;
  /** Starts loading what the first call needs (its SDK) without waiting, for a run about to start. */
  prepare?(): void;
}

/** Thrown only by listModels; complete() returns failures as data. */
export class ProviderFailureError extends Error {
  constructor(readonly failure: ProviderFailure) {
    super(failure.message);
    this.name = 'ProviderFailureError';
  }
}
