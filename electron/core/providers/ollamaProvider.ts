// A local (or remote) Ollama server through the official `ollama` package: /api/chat for
// completions, /api/tags for discovery, /api/embed for embeddings.
//
// Cancellation: the package has no per-request signal. Its `abort()` stops every stream of a
// client, and a plain request cannot be aborted at all. So each call gets its own client (a small
// object: the host string and a fetch function) whose fetch adds the call's signal. That is the
// cheapest correct choice here: Ollama answers a handful of calls at a time, each taking seconds,
// and a per-call client also frees the stream bookkeeping a shared client would keep for every
// stream that was aborted instead of finished.
//
// The browser entry is used on purpose: the Node one treats an image string that names an existing
// file as a path to read from disk, and our images are always base64 from data URLs.
import { Ollama } from 'ollama/browser';
import type { ChatRequest, ChatResponse } from 'ollama/browser';
import { parameterRules } from '../../../shared/parameterRules';
import type { ModelInfo } from '../../../shared/providers';
import { providerFetch } from './providerFetch';
import { checkedVectors } from './embeddingVectors';
import type { CallOptions, CompletionRequest, CompletionResult, EmbeddingResult, ModelProvider } from './provider';
import { ProviderFailureError } from './provider';
import { cancelledFailure, malformedFailure, toProviderFailure, type FailureContext } from './providerFailure';
import { releasableSignal } from './releasableSignal';
import { answeredWithJson, jsonInsteadOfStreamFailure } from './streamAnswer';
import { toOllamaMessages } from './providerMessages';
import { displayAddress } from './secretRedaction';

export interface OllamaProviderOptions {
  /** Normalised, e.g. http://127.0.0.1:11434 (see normaliseOllamaHost in the registry). */
  host: string;
  fetch?: typeof fetch;
}

const ID = 'ollama';
const LABEL = 'Ollama';

type Parameters = Omit<ChatRequest, 'messages' | 'stream'>;

export function createOllamaProvider(options: OllamaProviderOptions): ModelProvider {
  const baseFetch = options.fetch ?? providerFetch();
  const context: FailureContext = { label: LABEL, kind: 'ollama', baseUrl: displayAddress(options.host) };

  /** A client whose requests follow `signal`; `seen` keeps the last response for its Retry-After header. */
  function clientFor(signal: AbortSignal | undefined, seen: { response: Response | null }): Ollama {
    return new Ollama({
      host: options.host,
      fetch: async (input, init) => {
        // The package passes a signal of its own only for streams, and only ever fires it from abort().
        const own = init?.signal;
        const merged = own && signal ? AbortSignal.any([own, signal]) : (signal ?? own);
        const response = await baseFetch(input, { ...init, signal: merged ?? null });
        seen.response = response;
        return response;
      },
    });
  }

  async function complete(request: CompletionRequest, { signal, activity, onText }: CallOptions): Promise<CompletionResult> {
    const started = performance.now();
    const parameters = ollamaParameters(request);
    const sent: Record<string, unknown> = { ...parameters, stream: request.stream };
    if (signal.aborted) return { ok: false, failure: cancelledFailure(LABEL), latencyMs: 0, sent };
    const seen: { response: Response | null } = { response: null };
    try {
      const messages = toOllamaMessages(request.messages);
      const client = clientFor(signal, seen);
      if (!request.stream) {
        const answer = await client.chat({ ...parameters, messages, stream: false });
        if (typeof answer?.message?.content !== 'string') {
          return { ok: false, failure: malformedFailure(context, 'it has no message'), latencyMs: performance.now() - started, sent };
        }
        return { ok: true, output: answer.message.content, ttftMs: null, ...usageOf(answer), latencyMs: performance.now() - started, sent };
      }
      const stream = await client.chat({ ...parameters, messages, stream: true });
      activity?.();
      let output = '';
      let ttftMs: number | null = null;
      let last: ChatResponse | null = null;
      for await (const part of stream) {
        activity?.();
        const text = part.message?.content;
        if (text) {
          if (ttftMs === null) ttftMs = performance.now() - started;
          output += text;
          onText?.(text);
        }
        if (part.done) last = part;
      }
      if (signal.aborted) return { ok: false, failure: cancelledFailure(LABEL), latencyMs: performance.now() - started, sent };
      // The package throws when the stream ends without its final line, so `last` is set here.
      return { ok: true, output, ttftMs, ...usageOf(last), latencyMs: performance.now() - started, sent };
    } catch (error) {
      // One JSON object is a valid one-line stream, so a whole answer sent as JSON still reads; any
      // other JSON body ends without Ollama's final line and lands here.
      const json = request.stream && !signal.aborted && answeredWithJson(seen.response);
      const failure = json ? jsonInsteadOfStreamFailure(context) : toProviderFailure(error, { ...context, model: request.model }, signal, seen.response?.headers);
      return { ok: false, failure, latencyMs: performance.now() - started, sent };
    }
  }

  async function listModels(listOptions: { signal?: AbortSignal } = {}): Promise<ModelInfo[]> {
    const seen: { response: Response | null } = { response: null };
    try {
      const { models } = await clientFor(listOptions.signal, seen).list();
      if (!Array.isArray(models)) throw new ProviderFailureError(malformedFailure(context, 'it has no model list'));
      return models
        .map((entry): ModelInfo => {
          // `llama3.2:latest` is what prompt files call `ollama/llama3.2`.
          const model = entry.name.endsWith(':latest') ? entry.name.slice(0, -':latest'.length) : entry.name;
          return {
            id: `${ID}/${model}`,
            provider: ID,
            model,
            sizeBytes: typeof entry.size === 'number' ? entry.size : null,
            family: entry.details?.family || null,
            parameterSize: entry.details?.parameter_size || null,
          };
        })
        .sort((a, b) => a.model.localeCompare(b.model));
    } catch (error) {
      throw new ProviderFailureError(toProviderFailure(error, context, listOptions.signal, seen.response?.headers));
    }
  }

  async function embed(texts: string[], { model, signal }: { model: string; signal: AbortSignal }): Promise<EmbeddingResult> {
    if (signal.aborted) return { ok: false, failure: cancelledFailure(LABEL) };
    const call = releasableSignal(signal);
    const seen: { response: Response | null } = { response: null };
    try {
      // Ollama cuts a text longer than the model's context (truncate defaults to true) instead of refusing it.
      const answer = await clientFor(call.signal, seen).embed({ model, input: texts });
      const checked = checkedVectors(answer?.embeddings, texts.length);
      if ('reason' in checked) return { ok: false, failure: malformedFailure(context, checked.reason) };
      return { ok: true, vectors: checked.vectors };
    } catch (error) {
      return { ok: false, failure: toProviderFailure(error, { ...context, model }, signal, seen.response?.headers) };
    } finally {
      call.release();
    }
  }

  return { id: ID, kind: 'ollama', label: LABEL, rules: parameterRules.ollama, complete, listModels, embed };
}

function ollamaParameters(request: CompletionRequest): Parameters {
  const options: NonNullable<ChatRequest['options']> = { temperature: request.temperature };
  if (request.topP !== undefined) options.top_p = request.topP;
  if (request.seed !== undefined) options.seed = request.seed;
  if (request.maxTokens !== undefined) options.num_predict = request.maxTokens;
  const parameters: Parameters = { model: request.model, options };
  // Ollama constrains decoding to a JSON schema given as `format`, or to any JSON with 'json'.
  if (request.output) parameters.format = request.output.schema ?? 'json';
  return parameters;
}

function usageOf(answer: ChatResponse | null): { finishReason: string | null; inputTokens: number | null; outputTokens: number | null } {
  return {
    finishReason: answer?.done_reason || null,
    inputTokens: typeof answer?.prompt_eval_count === 'number' ? answer.prompt_eval_count : null,
    outputTokens: typeof answer?.eval_count === 'number' ? answer.eval_count : null,
  };
}
