// Ollama native API: POST /api/chat and /api/generate (NDJSON lines, streaming by default; one
// JSON object with `stream: false`), POST /api/embed, GET /api/tags, /api/version, /api/ps,
// POST /api/show, and `{error: "..."}` errors. Ollama has no API keys, so `apiKey` is ignored here.
import { createHash } from 'node:crypto';
import { embedText } from './embeddings';
import { generateJson } from './jsonSample';
import { countWords, generateText, limitOutput, streamPieces } from './variety';
import { contentText, isRecord, jsonReply, lastUserText, numberOr, type BodyReply, type Reply, type Wire, type WireContext } from './wire';

export const OLLAMA_DEFAULT_MODELS = ['llama3.2:latest', 'qwen2.5:7b'];
const OLLAMA_VERSION = '0.12.6';
const MODIFIED_AT = '2025-09-30T12:00:00.000000000Z';

interface ModelInfo {
  size: number;
  family: string;
  parameter_size: string;
  quantization_level: string;
}

const KNOWN_INFO: Record<string, ModelInfo> = {
  'llama3.2:latest': { size: 2_019_393_189, family: 'llama', parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
  'qwen2.5:7b': { size: 4_683_087_332, family: 'qwen2', parameter_size: '7.6B', quantization_level: 'Q4_K_M' },
};

const ERROR_MESSAGES: Record<number, string> = {
  400: 'invalid request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  429: 'too many requests',
  500: 'an error was encountered while running the model',
  503: 'server busy, please try again.  maximum pending requests exceeded',
};

function ollamaError(status: number, message?: string): BodyReply {
  return jsonReply(status, { error: message ?? ERROR_MESSAGES[status] ?? 'error' });
}

/** Ollama names without a tag mean `:latest`. */
function normalize(name: string): string {
  return name.includes(':') ? name : `${name}:latest`;
}

/** Plausible details for a model name not in KNOWN_INFO, e.g. "mistral:7b" → family mistral, 7B. */
function infoFor(name: string): ModelInfo {
  const known = KNOWN_INFO[name];
  if (known) return known;
  const [base = name, tag = ''] = name.split(':');
  const billions = Number(/^(\d+(?:\.\d+)?)b/i.exec(tag)?.[1] ?? '7');
  return {
    size: Math.round(billions * 620_000_000),
    family: base.replace(/[\d.]+$/, '') || base,
    parameter_size: `${billions}B`,
    quantization_level: 'Q4_K_M',
  };
}

function tagEntry(name: string) {
  const info = infoFor(name);
  const details = { parent_model: '', format: 'gguf', family: info.family, families: [info.family], parameter_size: info.parameter_size, quantization_level: info.quantization_level };
  return { name, model: name, modified_at: MODIFIED_AT, size: info.size, digest: createHash('sha256').update(name).digest('hex'), details };
}

function complete(path: string, body: unknown, ctx: WireContext, known: ReadonlySet<string>): Reply {
  if (!isRecord(body)) return ollamaError(400, 'invalid request body');
  const model = body.model;
  if (typeof model !== 'string' || model === '') return ollamaError(400, 'model is required');
  if (!known.has(normalize(model))) return ollamaError(404, `model "${model}" not found, try pulling it first`);
  const chat = path === '/api/chat';
  const history = chat && Array.isArray(body.messages) ? body.messages : [];
  const prompt = chat ? lastUserText(history) : typeof body.prompt === 'string' ? body.prompt : '';
  let promptTokens = countWords(typeof body.system === 'string' ? body.system : '');
  if (chat) for (const message of history) promptTokens += isRecord(message) ? countWords(contentText(message.content)) : 0;
  else promptTokens += countWords(prompt);
  promptTokens = Math.max(1, promptTokens);

  const options = isRecord(body.options) ? body.options : {};
  const temperature = numberOr(options.temperature, 0.8); // Ollama's default
  const numPredict = numberOr(options.num_predict, undefined);
  const sampling = { model, prompt, temperature, seed: numberOr(options.seed, undefined), counter: ctx.nextCounter() };
  const json = body.format === 'json' || isRecord(body.format);
  const text = ctx.replyText ?? (json ? generateJson(isRecord(body.format) ? body.format : undefined, sampling) : generateText(sampling));
  // num_predict < 0 means "no limit" (-1) or "fill the context" (-2).
  const out = limitOutput(text, json, numPredict !== undefined && numPredict >= 0 ? numPredict : undefined);

  const evalDuration = out.tokens * 10_000_000;
  const promptEvalDuration = promptTokens * 200_000;
  // Serialized once: the final line (or the whole non-streamed answer) ends with these fields.
  const stats = JSON.stringify({
    done: true,
    done_reason: out.truncated ? 'length' : 'stop',
    total_duration: 1_000_000 + promptEvalDuration + evalDuration + 500_000,
    load_duration: 1_000_000,
    prompt_eval_count: promptTokens,
    prompt_eval_duration: promptEvalDuration,
    eval_count: out.tokens,
    eval_duration: evalDuration,
  }).slice(1);
  // Every line shares its start; only the content differs (strings, not object spreads: this is
  // the benchmark's hot path).
  const head = `{"model":${JSON.stringify(model)},"created_at":"${new Date().toISOString()}",${chat ? '"message":{"role":"assistant","content":' : '"response":'}`;
  const close = chat ? '}' : '';
  const line = (content: string) => `${head}${JSON.stringify(content)}${close},"done":false}\n`;

  // Ollama streams unless the request says `stream: false` (the JS SDK always says which).
  if (body.stream === false) return { kind: 'body', status: 200, body: `${head}${JSON.stringify(out.text)}${close},${stats}` };
  const pieces = streamPieces(out.text, json);
  const first = line(pieces[0]!);
  let rest = '';
  for (let i = 1; i < pieces.length; i++) rest += line(pieces[i]!);
  rest += `${head}""${close},${stats}\n`;
  const malformedTail = `${head}"unterminated\n`;
  return { kind: 'stream', contentType: 'application/x-ndjson', first, rest, malformedTail };
}

function embed(body: unknown, chatModels: ReadonlySet<string>, embedders: ReadonlySet<string>): Reply {
  if (!isRecord(body)) return ollamaError(400, 'invalid request body');
  const model = body.model;
  if (typeof model !== 'string' || model === '') return ollamaError(400, 'model is required');
  if (chatModels.has(normalize(model)) && !embedders.has(normalize(model))) return ollamaError(400, `"${model}" does not support embeddings`);
  if (!embedders.has(normalize(model))) return ollamaError(404, `model "${model}" not found, try pulling it first`);
  const input = typeof body.input === 'string' ? [body.input] : body.input;
  if (!Array.isArray(input) || !input.every((text) => typeof text === 'string')) return ollamaError(400, 'invalid input type');
  const texts = input as string[];
  const promptTokens = texts.reduce((sum, text) => sum + countWords(text), 0);
  return jsonReply(200, {
    model,
    embeddings: texts.map(embedText),
    total_duration: 1_000_000 + promptTokens * 100_000,
    load_duration: 1_000_000,
    prompt_eval_count: promptTokens,
  });
}

export function createOllamaWire(models: readonly string[], embeddingModels: readonly string[] = []): Wire {
  const names = models.map(normalize);
  const known = new Set(names);
  const embedders = new Set(embeddingModels.map(normalize));
  const tags = jsonReply(200, { models: names.map(tagEntry) });
  const version = jsonReply(200, { version: OLLAMA_VERSION });
  return {
    isCompletion: (method, path) => method === 'POST' && (path === '/api/chat' || path === '/api/generate'),
    checkRequest: () => undefined,
    error: (status, message) => ollamaError(status, message),
    complete: (path, body, ctx) => complete(path, body, ctx, known),
    embeddings: { path: '/api/embed', answer: (body) => embed(body, known, embedders) },
    other(method, path, body) {
      if (method === 'GET' || method === 'HEAD') {
        if (path === '/') return { kind: 'body', status: 200, body: 'Ollama is running', contentType: 'text/plain; charset=utf-8' };
        if (path === '/api/tags') return tags;
        if (path === '/api/version') return version;
        if (path === '/api/ps') return jsonReply(200, { models: [] });
      }
      if (method === 'POST' && path === '/api/show') {
        const name = isRecord(body) ? (body.model ?? body.name) : undefined;
        if (typeof name !== 'string' || !known.has(normalize(name))) return ollamaError(404, `model '${String(name)}' not found`);
        const entry = tagEntry(normalize(name));
        return jsonReply(200, {
          license: '',
          modelfile: `FROM ${entry.name}\n`,
          parameters: '',
          template: '{{ .Prompt }}',
          details: entry.details,
          model_info: { 'general.architecture': entry.details.family, 'general.parameter_count': Math.round(entry.size / 0.62) },
          capabilities: ['completion'],
          modified_at: entry.modified_at,
        });
      }
      return undefined;
    },
  };
}
