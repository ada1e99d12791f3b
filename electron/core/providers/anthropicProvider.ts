// Anthropic through the official SDK's Messages API. It takes no seed (never sent), needs
// max_tokens on every call, and has no JSON mode: a declared output schema becomes a forced tool
// call whose input is the answer; JSON without a schema is plain text (the prompt asks for JSON).
// Anthropic has no embeddings API, so this provider has no `embed`.
import Anthropic from '@anthropic-ai/sdk';
import type { Message, MessageCreateParamsNonStreaming, MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages';
import { DEFAULT_MAX_TOKENS, parameterRules } from '../../../shared/parameterRules';
import type { ModelInfo } from '../../../shared/providers';
import { providerFetch } from './providerFetch';
import type { CallOptions, CompletionRequest, CompletionResult, ModelProvider } from './provider';
import { ProviderFailureError } from './provider';
import { cancelledFailure, droppedFailure, missingKeyFailure, toProviderFailure, type FailureContext } from './providerFailure';
import { answeredWithJson, jsonInsteadOfStreamFailure } from './streamAnswer';
import { toAnthropicMessages } from './providerMessages';
import { displayAddress } from './secretRedaction';

export interface AnthropicProviderOptions {
  baseUrl: string;
  apiKey: string | null;
  fetch?: typeof fetch;
}

const ID = 'anthropic';
const LABEL = 'Anthropic';
const OUTPUT_TOOL = 'output';
/** The runner times calls out through the signal; this only has to outlast its timeouts. */
const CLIENT_TIMEOUT_MS = 24 * 60 * 60 * 1000;

// The SDK's types no longer list the sampling parameters, but the API takes them; the sweep is
// over temperature, so they are added here.
interface Sampling {
  temperature: number;
  top_p?: number;
}
type Parameters = Omit<MessageCreateParamsNonStreaming, 'messages' | 'system' | 'stream'> & Sampling;

export function createAnthropicProvider(options: AnthropicProviderOptions): ModelProvider {
  const client = new Anthropic({
    // Always a key given in code, so the SDK reads no ANTHROPIC_* credential or profile of its own.
    apiKey: options.apiKey ?? 'missing',
    baseURL: options.baseUrl,
    maxRetries: 0,
    timeout: CLIENT_TIMEOUT_MS,
    logLevel: 'off',
    fetch: options.fetch ?? providerFetch(),
  });
  const context: FailureContext = { label: LABEL, kind: 'anthropic', baseUrl: displayAddress(options.baseUrl), keyVariable: 'ANTHROPIC_API_KEY', apiKey: options.apiKey };
  // Without a key every call is bound to fail: say so instead of sending one.
  const missingKey = options.apiKey === null ? missingKeyFailure(LABEL, 'ANTHROPIC_API_KEY') : null;

  async function complete(request: CompletionRequest, { signal, activity, onText }: CallOptions): Promise<CompletionResult> {
    const started = performance.now();
    const parameters = anthropicParameters(request);
    const sent: Record<string, unknown> = { ...parameters, stream: request.stream };
    if (signal.aborted) return { ok: false, failure: cancelledFailure(LABEL), latencyMs: 0, sent };
    if (missingKey) return { ok: false, failure: missingKey, latencyMs: 0, sent };
    const forced = parameters.tools !== undefined;
    try {
      const { system, messages } = toAnthropicMessages(request.messages);
      const conversation = system === undefined ? { messages } : { system, messages };
      if (!request.stream) {
        const body: MessageCreateParamsNonStreaming & Sampling = { ...parameters, ...conversation, stream: false };
        const message = await client.messages.create(body, { signal });
        return {
          ok: true,
          output: outputOf(message, forced),
          finishReason: message.stop_reason ?? null,
          inputTokens: message.usage?.input_tokens ?? null,
          outputTokens: message.usage?.output_tokens ?? null,
          ttftMs: null,
          latencyMs: performance.now() - started,
          sent,
        };
      }
      const body: MessageCreateParamsStreaming & Sampling = { ...parameters, ...conversation, stream: true };
      const { data: stream, response } = await client.messages.create(body, { signal }).withResponse();
      activity?.();
      let text = '';
      let json = '';
      let ttftMs: number | null = null;
      let finishReason: string | null = null;
      let inputTokens: number | null = null;
      let outputTokens: number | null = null;
      let stopped = false;
      for await (const event of stream) {
        activity?.();
        switch (event.type) {
          case 'message_start':
            inputTokens = event.message.usage?.input_tokens ?? null;
            outputTokens = event.message.usage?.output_tokens ?? null;
            break;
          case 'content_block_delta': {
            const piece = event.delta.type === 'text_delta' ? event.delta.text : event.delta.type === 'input_json_delta' ? event.delta.partial_json : '';
            if (!piece) break;
            if (ttftMs === null) ttftMs = performance.now() - started;
            if (event.delta.type === 'text_delta') text += piece;
            else json += piece;
            onText?.(piece);
            break;
          }
          case 'message_delta':
            finishReason = event.delta.stop_reason ?? finishReason;
            // Cumulative counts: the last one is the answer's.
            if (typeof event.usage?.output_tokens === 'number') outputTokens = event.usage.output_tokens;
            if (typeof event.usage?.input_tokens === 'number') inputTokens = event.usage.input_tokens;
            break;
          case 'message_stop':
            stopped = true;
            break;
        }
      }
      // The SDK ends an aborted stream quietly instead of throwing.
      if (signal.aborted) return { ok: false, failure: cancelledFailure(LABEL), latencyMs: performance.now() - started, sent };
      if (!stopped) {
        // A JSON body has no events: the SDK reads nothing from it, as from a stream cut short.
        const failure = answeredWithJson(response) ? jsonInsteadOfStreamFailure(context) : droppedFailure(context);
        return { ok: false, failure, latencyMs: performance.now() - started, sent };
      }
      const output = forced && json ? normaliseJson(json) : text;
      return { ok: true, output, finishReason, inputTokens, outputTokens, ttftMs, latencyMs: performance.now() - started, sent };
    } catch (error) {
      const failure = toProviderFailure(error, { ...context, model: request.model }, signal);
      return { ok: false, failure, latencyMs: performance.now() - started, sent };
    }
  }

  async function listModels(listOptions: { signal?: AbortSignal } = {}): Promise<ModelInfo[]> {
    if (missingKey) throw new ProviderFailureError(missingKey);
    try {
      const models: ModelInfo[] = [];
      for await (const model of client.models.list({ limit: 1000 }, { signal: listOptions.signal ?? null })) {
        models.push({ id: `${ID}/${model.id}`, provider: ID, model: model.id, sizeBytes: null, family: null, parameterSize: null });
      }
      return models;
    } catch (error) {
      throw new ProviderFailureError(toProviderFailure(error, context, listOptions.signal));
    }
  }

  return { id: ID, kind: 'anthropic', label: LABEL, rules: parameterRules.anthropic, complete, listModels };
}

function anthropicParameters(request: CompletionRequest): Parameters {
  const parameters: Parameters = {
    model: request.model,
    max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
    temperature: request.temperature,
  };
  if (request.topP !== undefined) parameters.top_p = request.topP;
  const schema = request.output?.schema;
  if (schema) {
    // The schema's own `type` wins; the API refuses a non-object one with a message that says so.
    parameters.tools = [{ name: OUTPUT_TOOL, input_schema: { type: 'object', ...schema } }];
    parameters.tool_choice = { type: 'tool', name: OUTPUT_TOOL };
  }
  return parameters;
}

/** The forced tool's input is the answer; otherwise the text blocks. */
function outputOf(message: Message, forced: boolean): string {
  const blocks = Array.isArray(message.content) ? message.content : [];
  if (forced) {
    for (const block of blocks) if (block.type === 'tool_use' && block.name === OUTPUT_TOOL) return JSON.stringify(block.input);
  }
  let text = '';
  for (const block of blocks) if (block.type === 'text') text += block.text;
  return text;
}

/** Streamed tool input arrives as JSON text in pieces; re-serialised so it reads like the non-streamed answer. */
function normaliseJson(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json));
  } catch {
    return json;
  }
}
