// OpenAI Chat Completions wire format: POST /v1/chat/completions (JSON or SSE `data:` chunks
// ending in `data: [DONE]`), POST /v1/embeddings (floats or base64), GET /v1/models, and
// `{error:{message,type,param,code}}` errors.
import type { IncomingHttpHeaders } from 'node:http';
import { embedText, toBase64Floats } from './embeddings';
import { generateJson } from './jsonSample';
import { countWords, generateText, limitOutput, streamPieces, type Limited } from './variety';
import { contentText, isRecord, jsonReply, lastUserText, newId, numberOr, type BodyReply, type Reply, type Wire, type WireContext } from './wire';

export const OPENAI_DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o'];
const FINGERPRINT = 'fp_fake0001';
const MODELS_CREATED = 1_715_367_049;

const STATUS_DEFAULTS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported' },
  404: { type: 'invalid_request_error', code: null, message: 'Not found.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests. Please try again later.' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
};

function openAiError(status: number, message?: string, code?: string | null, param: string | null = null): BodyReply {
  const defaults = STATUS_DEFAULTS[status] ?? STATUS_DEFAULTS[500]!;
  return jsonReply(status, {
    error: { message: message ?? defaults.message, type: defaults.type, param, code: code === undefined ? defaults.code : code },
  });
}

interface Choice extends Limited {
  index: number;
}

function finishReason(choice: Choice): 'stop' | 'length' {
  return choice.truncated ? 'length' : 'stop';
}

function usage(promptTokens: number, completionTokens: number) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/** SSE chunks; the common prefix is serialized once, only each choice delta per chunk. */
function streamReply(id: string, created: number, model: string, choices: Choice[], json: boolean, includeUsage: boolean, promptTokens: number): Reply {
  const prefix = `data: {"id":${JSON.stringify(id)},"object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"system_fingerprint":"${FINGERPRINT}","choices":[`;
  const suffix = includeUsage ? '],"usage":null}\n\n' : ']}\n\n';
  const chunk = (index: number, delta: Record<string, unknown>, finish: string | null) =>
    `${prefix}${JSON.stringify({ index, delta, logprobs: null, finish_reason: finish })}${suffix}`;
  let first = '';
  let rest = '';
  let completionTokens = 0;
  for (const choice of choices) {
    const pieces = streamPieces(choice.text, json);
    // The first chunk carries the role (as the API does) and already some text, so a stalled
    // stream has visibly started.
    const head = chunk(choice.index, { role: 'assistant', content: pieces[0], refusal: null }, null);
    if (choice.index === 0) first = head;
    else rest += head;
    for (let i = 1; i < pieces.length; i++) rest += chunk(choice.index, { content: pieces[i] }, null);
    rest += chunk(choice.index, {}, finishReason(choice));
    completionTokens += choice.tokens;
  }
  if (includeUsage) {
    rest += `${prefix}],"usage":${JSON.stringify(usage(promptTokens, completionTokens))}}\n\n`;
  }
  rest += 'data: [DONE]\n\n';
  const malformedTail = `data: {"id":${JSON.stringify(id)},"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"unterminated\n\n`;
  return { kind: 'stream', contentType: 'text/event-stream; charset=utf-8', first, rest, malformedTail };
}

function chatCompletion(body: unknown, ctx: WireContext, known: ReadonlySet<string>): Reply {
  if (!isRecord(body)) {
    return openAiError(400, "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)");
  }
  const { model, messages } = body;
  if (typeof model !== 'string' || model === '') return openAiError(400, 'you must provide a model parameter', null, 'model');
  if (!Array.isArray(messages) || messages.length === 0) {
    return openAiError(400, "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'empty_array', 'messages');
  }
  if (!known.has(model)) return openAiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, 'model_not_found');
  const temperature = numberOr(body.temperature, 1);
  if (temperature < 0 || temperature > 2) {
    return openAiError(400, `Invalid 'temperature': decimal ${temperature > 2 ? 'above maximum value. Expected a value <= 2' : 'below minimum value. Expected a value >= 0'}, but got ${temperature} instead.`, temperature > 2 ? 'decimal_above_max_value' : 'decimal_below_min_value', 'temperature');
  }
  const n = Math.max(1, Math.min(128, Math.floor(numberOr(body.n, 1))));
  const maxTokens = numberOr(body.max_completion_tokens, undefined) ?? numberOr(body.max_tokens, undefined);
  const seed = numberOr(body.seed, undefined);
  const format = isRecord(body.response_format) ? body.response_format : undefined;
  const json = format?.type === 'json_object' || format?.type === 'json_schema';
  const schema = format?.type === 'json_schema' && isRecord(format.json_schema) ? format.json_schema.schema : undefined;

  let promptTokens = 0;
  for (const message of messages) if (isRecord(message)) promptTokens += countWords(contentText(message.content));
  const prompt = lastUserText(messages);
  const counter = ctx.nextCounter();
  const choices: Choice[] = [];
  for (let index = 0; index < n; index++) {
    const sampling = { model, prompt, temperature, seed, counter, choice: index };
    const text = ctx.replyText ?? (json ? generateJson(schema, sampling) : generateText(sampling));
    const out = limitOutput(text, json, maxTokens);
    choices.push({ index, text: out.text, tokens: out.tokens, truncated: out.truncated });
  }
  const id = newId('chatcmpl-');
  const created = Math.floor(Date.now() / 1000);
  if (body.stream === true) {
    const includeUsage = isRecord(body.stream_options) && body.stream_options.include_usage === true;
    return streamReply(id, created, model, choices, json, includeUsage, promptTokens);
  }
  let completionTokens = 0;
  for (const choice of choices) completionTokens += choice.tokens;
  return jsonReply(200, {
    id,
    object: 'chat.completion',
    created,
    model,
    choices: choices.map((choice) => ({
      index: choice.index,
      message: { role: 'assistant', content: choice.text, refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: finishReason(choice),
    })),
    usage: usage(promptTokens, completionTokens),
    service_tier: 'default',
    system_fingerprint: FINGERPRINT,
  });
}

/** The API's limit on inputs per request. */
const MAX_EMBEDDING_INPUTS = 2048;

function embeddings(body: unknown, known: ReadonlySet<string>): Reply {
  if (!isRecord(body)) return openAiError(400, 'We could not parse the JSON body of your request.');
  const { model } = body;
  if (typeof model !== 'string' || model === '') return openAiError(400, 'you must provide a model parameter', null, 'model');
  const input = typeof body.input === 'string' ? [body.input] : body.input;
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_EMBEDDING_INPUTS || !input.every((text) => typeof text === 'string' && text !== '')) {
    // The real API's wording for an empty string, a non-string or too many inputs alike.
    return openAiError(400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", null, 'input');
  }
  if (!known.has(model)) return openAiError(404, `The model \`${model}\` does not exist or you do not have access to it.`, 'model_not_found');
  const format = body.encoding_format ?? 'float';
  if (format !== 'float' && format !== 'base64') return openAiError(400, `Invalid value for 'encoding_format': ${String(format)}`, null, 'encoding_format');
  let tokens = 0;
  const data = (input as string[]).map((text, index) => {
    tokens += countWords(text);
    const vector = embedText(text);
    return { object: 'embedding', index, embedding: format === 'base64' ? toBase64Floats(vector) : vector };
  });
  return jsonReply(200, { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
}

export function createOpenAiWire(models: readonly string[], embeddingModels: readonly string[] = []): Wire {
  const known = new Set(models);
  const embedders = new Set(embeddingModels);
  const modelEntry = (id: string) => ({ id, object: 'model', created: MODELS_CREATED, owned_by: 'system' });
  const modelList = jsonReply(200, { object: 'list', data: models.map(modelEntry) });
  return {
    isCompletion: (method, path) => method === 'POST' && path === '/v1/chat/completions',
    checkRequest(headers: IncomingHttpHeaders, apiKey: string | undefined) {
      if (apiKey === undefined) return undefined;
      const auth = headers.authorization;
      if (!auth) {
        return openAiError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", null);
      }
      if (auth !== `Bearer ${apiKey}`) return openAiError(401, 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.');
      return undefined;
    },
    error: (status, message) => openAiError(status, message),
    complete: (_path, body, ctx) => chatCompletion(body, ctx, known),
    embeddings: { path: '/v1/embeddings', answer: (body) => embeddings(body, embedders) },
    other(method, path) {
      if (method !== 'GET') return undefined;
      if (path === '/v1/models') return modelList;
      if (path.startsWith('/v1/models/')) {
        const id = decodeURIComponent(path.slice('/v1/models/'.length));
        return known.has(id) ? jsonReply(200, modelEntry(id)) : openAiError(404, `The model '${id}' does not exist`, 'model_not_found', 'model');
      }
      return undefined;
    },
  };
}
