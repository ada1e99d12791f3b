// OpenAI and every OpenAI-compatible server (LM Studio, vLLM, llama.cpp, OpenRouter, Ollama's /v1)
// through Chat Completions with the official SDK. This is the hot path of a big sweep, so the
// client is built once per provider and a call allocates little beyond its request body.
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { parameterRules } from '../../../shared/parameterRules';
import type { ModelInfo } from '../../../shared/providers';
import { providerFetch } from './providerFetch';
import { checkedVectors } from './embeddingVectors';
import type { CallOptions, CompletionRequest, CompletionResult, EmbeddingResult, ModelProvider } from './provider';
import { ProviderFailureError } from './provider';
import { cancelledFailure, droppedFailure, malformedFailure, missingKeyFailure, toProviderFailure, type FailureContext } from './providerFailure';
import { releasableSignal } from './releasableSignal';
import { answeredWithJson, jsonInsteadOfStreamFailure } from './streamAnswer';
import { toOpenAIMessages } from './providerMessages';
import { displayAddress } from './secretRedaction';

export interface OpenAIProviderOptions {
  id: string;
  kind: 'openai' | 'openai-compatible';
  label: string;
  baseUrl: string;
  /** null for a local server that takes no key. */
  apiKey: string | null;
  /** Named in "rejected the API key" messages (OPENAI_API_KEY for OpenAI). */
  keyVariable?: string | null;
  fetch?: typeof fetch;
}

/** The runner times calls out through the signal; this only has to be longer than any of its timeouts (and fit setTimeout). */
export const CLIENT_TIMEOUT_MS = 24 * 60 * 60 * 1000;

type Parameters = Omit<ChatCompletionCreateParamsNonStreaming, 'messages' | 'stream'>;

export function createOpenAIProvider(options: OpenAIProviderOptions): ModelProvider {
  const { id, kind, label, baseUrl } = options;
  const client = new OpenAI({
    // The SDK refuses to start without a key; local servers ignore whatever is sent.
    apiKey: options.apiKey ?? 'not-needed',
    baseURL: baseUrl,
    // Passed explicitly so OPENAI_ORG_ID / OPENAI_PROJECT_ID meant for OpenAI never reach another server.
    organization: null,
    project: null,
    maxRetries: 0, // the runner retries, with its own backoff and accounting
    timeout: CLIENT_TIMEOUT_MS,
    logLevel: 'off', // failures come back as data; nothing is logged per call
    // The shared pool without timeouts of its own (providerFetch.ts), unless a test passes a fetch.
    fetch: options.fetch ?? providerFetch(),
  });
  const context: FailureContext = { label, kind, baseUrl: displayAddress(baseUrl), keyVariable: options.keyVariable ?? null, apiKey: options.apiKey };
  // OpenAI itself always wants a key: without one, say so instead of sending a request bound to fail.
  const missingKey = kind === 'openai' && options.apiKey === null ? missingKeyFailure(label, options.keyVariable ?? 'OPENAI_API_KEY') : null;

  async function complete(request: CompletionRequest, { signal, activity, onText }: CallOptions): Promise<CompletionResult> {
    const started = performance.now();
    const parameters = openAIParameters(request);
    const sent: Record<string, unknown> = request.stream ? { ...parameters, stream: true, stream_options: { include_usage: true } } : { ...parameters, stream: false };
    if (signal.aborted) return { ok: false, failure: cancelledFailure(label), latencyMs: 0, sent };
    if (missingKey) return { ok: false, failure: missingKey, latencyMs: 0, sent };
    try {
      const messages = toOpenAIMessages(request.messages);
      if (request.stream) {
        const body: ChatCompletionCreateParamsStreaming = { ...parameters, messages, stream: true, stream_options: { include_usage: true } };
        const { data: stream, response } = await client.chat.completions.create(body, { signal }).withResponse();
        activity?.();
        let output = '';
        let ttftMs: number | null = null;
        let finishReason: string | null = null;
        let inputTokens: number | null = null;
        let outputTokens: number | null = null;
        for await (const chunk of stream) {
          activity?.();
          const choice = chunk.choices?.[0];
          if (choice) {
            const text = choice.delta?.content;
            if (text) {
              if (ttftMs === null) ttftMs = performance.now() - started;
              output += text;
              onText?.(text);
            }
            if (choice.finish_reason) finishReason = choice.finish_reason;
          }
          if (chunk.usage) {
            inputTokens = chunk.usage.prompt_tokens ?? null;
            outputTokens = chunk.usage.completion_tokens ?? null;
          }
        }
        // The SDK ends an aborted stream quietly instead of throwing.
        if (signal.aborted) return { ok: false, failure: cancelledFailure(label), latencyMs: performance.now() - started, sent };
        // Every answer's last choice chunk carries a finish reason; without it the stream was cut short,
        // or was never a stream: a JSON body has no `data:` lines, so the SDK reads no chunk from it.
        if (finishReason === null) {
          const failure = answeredWithJson(response) ? jsonInsteadOfStreamFailure(context) : droppedFailure(context);
          return { ok: false, failure, latencyMs: performance.now() - started, sent };
        }
        return { ok: true, output, finishReason, inputTokens, outputTokens, ttftMs, latencyMs: performance.now() - started, sent };
      }
      const body: ChatCompletionCreateParamsNonStreaming = { ...parameters, messages, stream: false };
      const completion = await client.chat.completions.create(body, { signal });
      const choice = completion?.choices?.[0];
      if (!choice?.message) {
        return { ok: false, failure: malformedFailure(context, 'it has no choices'), latencyMs: performance.now() - started, sent };
      }
      return {
        ok: true,
        output: choice.message.content ?? choice.message.refusal ?? '',
        finishReason: choice.finish_reason ?? null,
        inputTokens: completion.usage?.prompt_tokens ?? null,
        outputTokens: completion.usage?.completion_tokens ?? null,
        ttftMs: null,
        latencyMs: performance.now() - started,
        sent,
      };
    } catch (error) {
      const failure = toProviderFailure(error, { ...context, model: request.model }, signal);
      return { ok: false, failure, latencyMs: performance.now() - started, sent };
    }
  }

  async function listModels(listOptions: { signal?: AbortSignal } = {}): Promise<ModelInfo[]> {
    if (missingKey) throw new ProviderFailureError(missingKey);
    try {
      const models: ModelInfo[] = [];
      for await (const model of client.models.list({ signal: listOptions.signal ?? null })) {
        if (kind === 'openai' && NOT_CHAT.test(model.id)) continue;
        models.push({ id: `${id}/${model.id}`, provider: id, model: model.id, sizeBytes: null, family: null, parameterSize: null });
      }
      return models.sort((a, b) => a.model.localeCompare(b.model));
    } catch (error) {
      throw new ProviderFailureError(toProviderFailure(error, context, listOptions.signal));
    }
  }

  async function embed(texts: string[], { model, signal }: { model: string; signal: AbortSignal }): Promise<EmbeddingResult> {
    if (signal.aborted) return { ok: false, failure: cancelledFailure(label) };
    if (missingKey) return { ok: false, failure: missingKey };
    const call = releasableSignal(signal);
    try {
      // Floats, not the SDK's default base64: compatible servers (LM Studio, older Ollama) may not speak base64.
      const response = await client.embeddings.create({ model, input: texts, encoding_format: 'float' }, { signal: call.signal });
      // Entries carry their index; servers may answer out of order.
      const data = Array.isArray(response?.data) ? [...response.data].sort((a, b) => a.index - b.index) : null;
      const checked = checkedVectors(data?.map((entry) => entry.embedding), texts.length);
      if ('reason' in checked) return { ok: false, failure: malformedFailure(context, checked.reason) };
      return { ok: true, vectors: checked.vectors };
    } catch (error) {
      return { ok: false, failure: toProviderFailure(error, { ...context, model }, signal) };
    } finally {
      call.release();
    }
  }

  return { id, kind, label, rules: parameterRules[kind], complete, listModels, embed };
}

/** OpenAI lists every model it has; these cannot answer a chat completion. */
const NOT_CHAT = /embedding|whisper|tts|dall-e|moderation|davinci|babbage|transcribe|realtime|image|sora|search/i;

function openAIParameters(request: CompletionRequest): Parameters {
  const parameters: Parameters = { model: request.model, temperature: request.temperature };
  if (request.topP !== undefined) parameters.top_p = request.topP;
  // max_tokens, not max_completion_tokens: every compatible server understands it.
  if (request.maxTokens !== undefined) parameters.max_tokens = request.maxTokens;
  if (request.seed !== undefined) parameters.seed = request.seed;
  if (request.output) {
    parameters.response_format = request.output.schema
      ? { type: 'json_schema', json_schema: { name: 'output', schema: request.output.schema, strict: false } }
      : { type: 'json_object' };
  }
  return parameters;
}
