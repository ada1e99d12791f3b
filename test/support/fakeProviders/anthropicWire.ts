// Anthropic Messages wire format: POST /v1/messages (JSON, or named SSE events message_start …
// message_stop), forced tool use answered with a tool_use block, GET /v1/models, and
// `{type:'error', error:{type, message}}` errors; `output_config.format` JSON schemas are honoured. Like the real API it needs `anthropic-version`,
// `max_tokens`, and refuses temperatures above 1.
import type { IncomingHttpHeaders } from 'node:http';
import { generateJsonValue } from './jsonSample';
import { countWords, generateText, limitOutput, streamPieces } from './variety';
import { contentText, isRecord, jsonReply, lastUserText, newId, numberOr, sseEvent, type BodyReply, type Reply, type Wire, type WireContext } from './wire';

export const ANTHROPIC_DEFAULT_MODELS = ['claude-haiku-4-5', 'claude-sonnet-4-5'];

const ERROR_TYPES: Record<number, [type: string, message: string]> = {
  400: ['invalid_request_error', 'Invalid request.'],
  401: ['authentication_error', 'invalid x-api-key'],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  404: ['not_found_error', 'Not found.'],
  429: ['rate_limit_error', 'Number of requests has exceeded your rate limit. Please try again later.'],
  500: ['api_error', 'Internal server error'],
  // The real API reports overload as 529; the fault union offers 503, answered with the same type.
  503: ['overloaded_error', 'Overloaded'],
};

function anthropicError(status: number, message?: string): BodyReply {
  const [type, fallback] = ERROR_TYPES[status] ?? ERROR_TYPES[500]!;
  const requestId = newId('req_');
  return jsonReply(status, { type: 'error', error: { type, message: message ?? fallback }, request_id: requestId }, { 'request-id': requestId });
}

/** "claude-haiku-4-5" → "Claude Haiku 4.5": close enough to the API's display names. */
function displayName(id: string): string {
  const words: string[] = [];
  let version: string[] = [];
  for (const part of id.split('-')) {
    if (/^\d{1,2}$/.test(part)) version.push(part);
    else if (!/^\d{8}$/.test(part)) {
      if (version.length) words.push(version.join('.'));
      version = [];
      words.push(part.charAt(0).toUpperCase() + part.slice(1));
    }
  }
  if (version.length) words.push(version.join('.'));
  return words.join(' ');
}

interface Tool {
  name: string;
  input_schema: Record<string, unknown>;
}

/** The tool a request forces (`tool_choice` of type tool or any), or an error reply. */
function forcedTool(body: Record<string, unknown>): Tool | BodyReply | undefined {
  const choice = isRecord(body.tool_choice) ? body.tool_choice : undefined;
  if (!choice || (choice.type !== 'tool' && choice.type !== 'any')) return undefined;
  const tools = Array.isArray(body.tools) ? body.tools.filter(isRecord) : [];
  const tool = choice.type === 'tool' ? tools.find((t) => t.name === choice.name) : tools[0];
  if (!tool) return anthropicError(400, choice.type === 'tool' ? `tool_choice.name: Tool '${String(choice.name)}' not found in tools` : 'tool_choice: requires at least one tool');
  return { name: String(tool.name), input_schema: isRecord(tool.input_schema) ? tool.input_schema : { type: 'object' } };
}

function inputTokens(body: Record<string, unknown>, messages: unknown[]): number {
  let tokens = countWords(contentText(body.system));
  for (const message of messages) if (isRecord(message)) tokens += countWords(contentText(message.content));
  return Math.max(1, tokens);
}

function messages(body: unknown, ctx: WireContext, known: ReadonlySet<string>): Reply {
  if (!isRecord(body)) return anthropicError(400, 'Request body must be a JSON object');
  const { model, messages: history } = body;
  if (typeof model !== 'string' || model === '') return anthropicError(400, 'model: Field required');
  if (typeof body.max_tokens !== 'number') return anthropicError(400, 'max_tokens: Field required');
  if (!Array.isArray(history)) return anthropicError(400, 'messages: Field required');
  if (history.length === 0) return anthropicError(400, 'messages: at least one message is required');
  if (!known.has(model)) return anthropicError(404, `model: ${model}`);
  const temperature = numberOr(body.temperature, 1);
  if (temperature > 1) return anthropicError(400, 'temperature: Input should be less than or equal to 1');
  if (temperature < 0) return anthropicError(400, 'temperature: Input should be greater than or equal to 0');
  const tool = forcedTool(body);
  if (tool && 'kind' in tool) return tool;

  // Structured outputs (`output_config.format`): the text block holds JSON matching the schema.
  const format = isRecord(body.output_config) && isRecord(body.output_config.format) ? body.output_config.format : undefined;
  const schema = format?.type === 'json_schema' && isRecord(format.schema) ? format.schema : undefined;
  const json = tool !== undefined || schema !== undefined;

  const sampling = { model, prompt: lastUserText(history), temperature, counter: ctx.nextCounter() };
  const input = tool ? generateJsonValue(tool.input_schema, sampling) : undefined;
  const text = ctx.replyText ?? (tool ? JSON.stringify(input) : schema ? JSON.stringify(generateJsonValue(schema, sampling)) : generateText(sampling));
  const out = limitOutput(text, json, body.max_tokens);
  const stopReason = out.truncated ? 'max_tokens' : tool ? 'tool_use' : 'end_turn';
  const usage = { input_tokens: inputTokens(body, history), cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: out.tokens, service_tier: 'standard' };
  const id = newId('msg_');
  const toolId = tool ? newId('toolu_') : '';

  if (body.stream !== true) {
    // A tool call cut short by max_tokens has no usable input; the API then reports max_tokens.
    const block = tool ? { type: 'tool_use', id: toolId, name: tool.name, input: out.truncated ? {} : input } : { type: 'text', text: out.text };
    return jsonReply(200, { id, type: 'message', role: 'assistant', model, content: [block], stop_reason: stopReason, stop_sequence: null, usage });
  }

  const pieces = streamPieces(out.text, json);
  const delta = (piece: string) =>
    sseEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: tool ? { type: 'input_json_delta', partial_json: piece } : { type: 'text_delta', text: piece } });
  const first =
    sseEvent('message_start', { type: 'message_start', message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: usage.input_tokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1, service_tier: 'standard' } } }) +
    sseEvent('content_block_start', { type: 'content_block_start', index: 0, content_block: tool ? { type: 'tool_use', id: toolId, name: tool.name, input: {} } : { type: 'text', text: '' } }) +
    sseEvent('ping', { type: 'ping' }) +
    delta(pieces[0]!);
  let rest = '';
  for (let i = 1; i < pieces.length; i++) rest += delta(pieces[i]!);
  rest +=
    sseEvent('content_block_stop', { type: 'content_block_stop', index: 0 }) +
    sseEvent('message_delta', { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: out.tokens } }) +
    sseEvent('message_stop', { type: 'message_stop' });
  const malformedTail = 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"unterminated\n\n';
  return { kind: 'stream', contentType: 'text/event-stream; charset=utf-8', first, rest, malformedTail };
}

export function createAnthropicWire(models: readonly string[]): Wire {
  const known = new Set(models);
  const entry = (id: string) => ({ type: 'model', id, display_name: displayName(id), created_at: '2025-10-01T00:00:00Z' });
  const list = jsonReply(200, { data: models.map(entry), has_more: false, first_id: models[0] ?? null, last_id: models[models.length - 1] ?? null });
  return {
    isCompletion: (method, path) => method === 'POST' && path === '/v1/messages',
    checkRequest(headers: IncomingHttpHeaders, apiKey: string | undefined) {
      if (apiKey !== undefined) {
        // The docs say x-api-key, but @anthropic-ai/sdk 1.x sends `apiKey` as `Authorization: Bearer`.
        const auth = headers.authorization;
        const key = headers['x-api-key'] ?? (auth?.startsWith('Bearer ') ? auth.slice(7) : undefined);
        if (!key) return anthropicError(401, 'x-api-key header is required');
        if (key !== apiKey) return anthropicError(401, 'invalid x-api-key');
      }
      if (!headers['anthropic-version']) return anthropicError(400, 'anthropic-version: header is required');
      return undefined;
    },
    error: (status, message) => anthropicError(status, message),
    complete: (_path, body, ctx) => messages(body, ctx, known),
    other(method, path, body) {
      if (method === 'GET' && path === '/v1/models') return list;
      if (method === 'GET' && path.startsWith('/v1/models/')) {
        const id = decodeURIComponent(path.slice('/v1/models/'.length));
        return known.has(id) ? jsonReply(200, entry(id)) : anthropicError(404, `model: ${id}`);
      }
      if (method === 'POST' && path === '/v1/messages/count_tokens') {
        if (!isRecord(body) || !Array.isArray(body.messages)) return anthropicError(400, 'messages: Field required');
        if (typeof body.model !== 'string' || !known.has(body.model)) return anthropicError(404, `model: ${String(body.model)}`);
        return jsonReply(200, { input_tokens: inputTokens(body, body.messages) });
      }
      return undefined;
    },
  };
}
