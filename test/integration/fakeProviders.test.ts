// The fake providers (test/support/fakeProviders) driven by the real SDKs: JSON and streaming
// answers, discovery, structured output, every fault type, stats and shutdown. Other suites rely
// on these servers behaving like the real APIs, so what the SDKs see is what is checked here.
import http from 'node:http';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFakeProvider, type FakeProvider, type FakeProviderOptions } from '../support/fakeProviders/fakeServer';
import { EMBEDDING_DIMENSIONS, embedText } from '../support/fakeProviders/embeddings';
import { countWords, generateText, topicWords } from '../support/fakeProviders/variety';

const KEY = 'test-key';
const QUESTION = 'What is the capital of France and why is Paris important?';
const started: FakeProvider[] = [];

async function start(options: FakeProviderOptions): Promise<FakeProvider> {
  const fake = await startFakeProvider(options);
  started.push(fake);
  return fake;
}

afterAll(async () => {
  await Promise.all(started.map((fake) => fake.close()));
});

// The SDKs retry 429/5xx/connection errors twice by default; fault tests want to see each fault.
const openaiFor = (fake: FakeProvider, options: { maxRetries?: number; timeout?: number } = {}) =>
  new OpenAI({ apiKey: KEY, baseURL: fake.url, maxRetries: 0, ...options });
const anthropicFor = (fake: FakeProvider, options: { maxRetries?: number; timeout?: number } = {}) =>
  new Anthropic({ apiKey: KEY, baseURL: fake.url, maxRetries: 0, ...options });
const ollamaFor = (fake: FakeProvider) => new Ollama({ host: fake.url });
/** @anthropic-ai/sdk 1.x dropped `temperature` from its types, but still sends it when given. */
const withTemperature = <T extends object>(params: T, temperature: number): T => ({ ...params, temperature });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ask = (content = QUESTION) => [{ role: 'user' as const, content }];

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

/** A structured-output schema used for all three providers, validated with zod on the way back. */
const Review = z.object({
  title: z.string(),
  score: z.number().int().min(1).max(5),
  ratio: z.number().min(0).max(1),
  verdict: z.enum(['approve', 'reject', 'revise']),
  tags: z.array(z.string()).min(1).max(4),
  ok: z.boolean(),
  author: z.object({ name: z.string(), email: z.email() }),
  note: z.string().nullable(),
});
const reviewSchema = z.toJSONSchema(Review) as Record<string, unknown>;

describe('OpenAI wire', () => {
  let fake: FakeProvider;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await start({ kind: 'openai', apiKey: KEY });
    client = openaiFor(fake);
  });

  it('answers chat completions in the documented JSON shape, with word-based usage', async () => {
    const messages = [{ role: 'system' as const, content: 'Be brief.' }, ...ask()];
    const done = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, temperature: 0 });
    expect(done).toMatchObject({ object: 'chat.completion', model: 'gpt-4o-mini' });
    expect(done.id).toMatch(/^chatcmpl-/);
    const [choice] = done.choices;
    expect(choice).toMatchObject({ index: 0, finish_reason: 'stop', message: { role: 'assistant' } });
    const text = choice!.message.content!;
    expect(countWords(text)).toBeGreaterThanOrEqual(5);
    expect(countWords(text)).toBeLessThanOrEqual(60);
    expect(text).toMatch(/France|Paris|capital|important/);
    expect(done.usage).toMatchObject({ prompt_tokens: 2 + countWords(QUESTION), completion_tokens: countWords(text) });
    expect(done.usage!.total_tokens).toBe(done.usage!.prompt_tokens + done.usage!.completion_tokens);
    const recorded = fake.requests.at(-1)!;
    expect(recorded).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { model: 'gpt-4o-mini', temperature: 0 } });
    expect(recorded.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('streams the same answer in several chunks, with a usage chunk and [DONE]', async () => {
    const request = { model: 'gpt-4o', messages: ask(), temperature: 0.9, seed: 42 };
    const whole = await client.chat.completions.create(request);
    const stream = await client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } });
    let text = '';
    let contentChunks = 0;
    const finishes: (string | null)[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe('chat.completion.chunk');
      if (chunk.usage) usage = chunk.usage;
      for (const choice of chunk.choices) {
        if (choice.delta.content) contentChunks++;
        text += choice.delta.content ?? '';
        finishes.push(choice.finish_reason);
      }
    }
    expect(text).toBe(whole.choices[0]!.message.content);
    expect(contentChunks).toBeGreaterThan(1);
    expect(finishes.at(-1)).toBe('stop');
    expect(usage).toMatchObject({ completion_tokens: countWords(text), prompt_tokens: countWords(QUESTION) });
    const raw = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...request, stream: true }),
    });
    expect(raw.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = await raw.text();
    expect(body.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(body).not.toContain('"usage"'); // only with stream_options.include_usage
  });

  it('lists models and refuses unknown ones, bad temperatures and wrong keys in the OpenAI error shape', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['gpt-4o-mini', 'gpt-4o']);
    await expect(client.chat.completions.create({ model: 'gpt-9', messages: ask() })).rejects.toMatchObject({ status: 404, code: 'model_not_found', type: 'invalid_request_error' });
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages: ask(), temperature: 2.5 })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const stranger = new OpenAI({ apiKey: 'wrong', baseURL: fake.url, maxRetries: 0 });
    await expect(stranger.chat.completions.create({ model: 'gpt-4o', messages: ask() })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await expect(stranger.models.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('answers /v1/embeddings as the SDK expects: its default base64 and floats give the same unit vectors', async () => {
    const texts = ['The capital of France is Paris.', 'Paris is the capital of France!', 'A recipe for pancakes.'];
    const decoded = await client.embeddings.create({ model: 'text-embedding-3-small', input: texts });
    const floats = await client.embeddings.create({ model: 'text-embedding-3-small', input: texts, encoding_format: 'float' });
    expect(fake.requests.at(-2)?.body).toMatchObject({ encoding_format: 'base64' });
    const words = texts.reduce((sum, text) => sum + countWords(text), 0);
    expect(floats).toMatchObject({ object: 'list', model: 'text-embedding-3-small', usage: { prompt_tokens: words, total_tokens: words } });
    expect(floats.data.map((entry) => [entry.object, entry.index, entry.embedding.length])).toEqual([0, 1, 2].map((index) => ['embedding', index, EMBEDDING_DIMENSIONS]));
    decoded.data.forEach((entry, index) => entry.embedding.forEach((value, i) => expect(value).toBeCloseTo(floats.data[index]!.embedding[i]!, 6)));
    const [paris, again, pancakes] = floats.data.map((entry) => entry.embedding);
    const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
    expect(dot(paris!, paris!)).toBeCloseTo(1, 9);
    expect(dot(paris!, again!)).toBeCloseTo(1, 9); // the same words
    expect(Math.abs(dot(paris!, pancakes!))).toBeLessThan(0.5);
    expect((await client.embeddings.create({ model: 'text-embedding-3-small', input: 'one text', encoding_format: 'float' })).data[0]!.embedding).toEqual(embedText('one text'));
  });

  it('refuses embeddings for unknown models and empty input, and keeps embedding models out of the model list', async () => {
    await expect(client.embeddings.create({ model: 'gpt-4o', input: 'x' })).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
    await expect(client.embeddings.create({ model: 'text-embedding-3-small', input: ['fine', ''] })).rejects.toMatchObject({ status: 400, param: 'input' });
    await expect(client.embeddings.create({ model: 'text-embedding-3-small', input: [] })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).not.toContain('text-embedding-3-small');
    const stranger = new OpenAI({ apiKey: 'wrong', baseURL: fake.url, maxRetries: 0 });
    await expect(stranger.embeddings.create({ model: 'text-embedding-3-small', input: 'x' })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('honours max_tokens, n, json_object and json_schema', async () => {
    const short = await client.chat.completions.create({ model: 'gpt-4o', messages: ask(), max_tokens: 3, temperature: 0 });
    expect(short.choices[0]).toMatchObject({ finish_reason: 'length' });
    expect(countWords(short.choices[0]!.message.content!)).toBe(3);
    expect(short.usage!.completion_tokens).toBe(3);

    const many = await client.chat.completions.create({ model: 'gpt-4o', messages: ask(), n: 3, seed: 1 });
    expect(many.choices.map((c) => c.index)).toEqual([0, 1, 2]);

    const loose = await client.chat.completions.create({ model: 'gpt-4o', messages: ask(), response_format: { type: 'json_object' } });
    expect(JSON.parse(loose.choices[0]!.message.content!)).toHaveProperty('answer');

    for (const temperature of [0, 1, 2]) {
      const strict = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: ask('Review the pull request about caching'),
        temperature,
        response_format: { type: 'json_schema', json_schema: { name: 'review', schema: reviewSchema, strict: true } },
      });
      expect(() => Review.parse(JSON.parse(strict.choices[0]!.message.content!))).not.toThrow();
    }
  });
});

describe('Anthropic wire', () => {
  let fake: FakeProvider;
  let client: Anthropic;
  beforeAll(async () => {
    fake = await start({ kind: 'anthropic', apiKey: KEY });
    client = anthropicFor(fake);
  });

  it('answers messages in the documented JSON shape', async () => {
    const message = await client.messages.create(withTemperature({ model: 'claude-haiku-4-5', max_tokens: 200, system: 'Be brief.', messages: ask() }, 0));
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-haiku-4-5', stop_reason: 'end_turn', stop_sequence: null });
    expect(message.id).toMatch(/^msg_/);
    const block = message.content[0]!;
    expect(block.type).toBe('text');
    const text = block.type === 'text' ? block.text : '';
    expect(message.usage).toMatchObject({ input_tokens: 2 + countWords(QUESTION), output_tokens: countWords(text) });
    const recorded = fake.requests.at(-1)!;
    // @anthropic-ai/sdk 1.x sends the key as a bearer token; x-api-key (the documented header) works too.
    expect(recorded.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(recorded.headers['anthropic-version']).toBeTruthy();
    const viaHeader = await fetch(`${fake.url}/v1/models`, { headers: { 'x-api-key': KEY, 'anthropic-version': '2023-06-01' } });
    expect(viaHeader.status).toBe(200);
  });

  it('streams the documented event sequence, and the SDK assembles the same message', async () => {
    // (claude-sonnet-4-5 would work too, but the SDK console.warns that it is deprecated.)
    const request = withTemperature({ model: 'claude-haiku-4-5', max_tokens: 200, messages: ask() }, 0);
    const whole = await client.messages.create(request);
    const events: string[] = [];
    const stream = await client.messages.create({ ...request, stream: true });
    for await (const event of stream) events.push(event.type);
    expect(events.slice(0, 3)).toEqual(['message_start', 'content_block_start', 'content_block_delta']);
    expect(events.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(events.filter((type) => type === 'content_block_delta').length).toBeGreaterThan(1);
    const final = await client.messages.stream(request).finalMessage();
    expect(final.content).toEqual(whole.content);
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBe(whole.usage.output_tokens);
    const raw = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': KEY, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
      body: JSON.stringify({ ...request, stream: true }),
    });
    expect(await raw.text()).toMatch(/^event: message_start\ndata: \{.*\n\nevent: content_block_start\n.*\n\nevent: ping\ndata: \{"type":"ping"\}\n\n/);
  });

  it('answers a forced tool call with tool_use input matching the schema, streamed as input_json_delta', async () => {
    const request = {
      model: 'claude-haiku-4-5',
      max_tokens: 500,
      messages: ask('Review the pull request about caching'),
      tools: [{ name: 'record_review', description: 'Record a review', input_schema: reviewSchema as Anthropic.Tool.InputSchema }],
      tool_choice: { type: 'tool' as const, name: 'record_review' },
    };
    const message = await client.messages.create(request);
    expect(message.stop_reason).toBe('tool_use');
    const block = message.content[0]!;
    expect(block).toMatchObject({ type: 'tool_use', name: 'record_review' });
    expect(() => Review.parse(block.type === 'tool_use' ? block.input : null)).not.toThrow();
    const streamed = await client.messages.stream(request).finalMessage();
    expect(streamed.content[0]).toMatchObject({ type: 'tool_use', name: 'record_review' });
    const streamedBlock = streamed.content[0]!;
    expect(() => Review.parse(streamedBlock.type === 'tool_use' ? streamedBlock.input : null)).not.toThrow();
    expect(fake.requests.at(-1)!.body).toMatchObject({ stream: true, tool_choice: { type: 'tool' } });
  });

  it('answers output_config json_schema requests with JSON text', async () => {
    const message = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 500,
      messages: ask('Review the caching change'),
      output_config: { format: { type: 'json_schema', schema: reviewSchema } },
    });
    const block = message.content[0]!;
    expect(() => Review.parse(JSON.parse(block.type === 'text' ? block.text : ''))).not.toThrow();
  });

  it('lists models and refuses temperatures above 1, unknown models, missing keys and versions', async () => {
    const models: Anthropic.ModelInfo[] = [];
    for await (const model of client.models.list()) models.push(model);
    expect(models.map((m) => [m.id, m.display_name])).toEqual([
      ['claude-haiku-4-5', 'Claude Haiku 4.5'],
      ['claude-sonnet-4-5', 'Claude Sonnet 4.5'],
    ]);
    await expect(client.messages.create(withTemperature({ model: 'claude-haiku-4-5', max_tokens: 10, messages: ask() }, 1.2))).rejects.toMatchObject({
      status: 400,
      error: { type: 'error', error: { type: 'invalid_request_error' } },
    });
    await expect(client.messages.create({ model: 'claude-0', max_tokens: 10, messages: ask() })).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    const stranger = new Anthropic({ apiKey: 'wrong', baseURL: fake.url, maxRetries: 0 });
    await expect(stranger.messages.create({ model: 'claude-haiku-4-5', max_tokens: 10, messages: ask() })).rejects.toMatchObject({
      status: 401,
      error: { error: { type: 'authentication_error' } },
    });
    const noVersion = await fetch(`${fake.url}/v1/models`, { headers: { 'x-api-key': KEY } });
    expect(noVersion.status).toBe(400);
  });

  it('stops at max_tokens', async () => {
    const message = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 4, messages: ask() });
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(4);
  });
});

describe('Ollama wire', () => {
  let fake: FakeProvider;
  let client: Ollama;
  beforeAll(async () => {
    fake = await start({ kind: 'ollama', apiKey: 'ignored' });
    client = ollamaFor(fake);
  });

  it('answers /api/chat without streaming, with Ollama metrics', async () => {
    const reply = await client.chat({ model: 'llama3.2', messages: ask(), stream: false, options: { temperature: 0 } });
    expect(reply).toMatchObject({ model: 'llama3.2', done: true, done_reason: 'stop', message: { role: 'assistant' }, prompt_eval_count: countWords(QUESTION) });
    expect(reply.eval_count).toBe(countWords(reply.message.content));
    for (const field of ['total_duration', 'load_duration', 'prompt_eval_duration', 'eval_duration'] as const) expect(reply[field]).toBeGreaterThan(0);
    expect(Date.parse(reply.created_at as unknown as string)).not.toBeNaN();
  });

  it('streams NDJSON (the default when `stream` is omitted) and the SDK reassembles the same text', async () => {
    const request = { model: 'qwen2.5:7b', messages: ask(), options: { temperature: 1, seed: 5 } };
    const whole = await client.chat({ ...request, stream: false });
    const parts: string[] = [];
    let last: { done: boolean; done_reason?: string } | undefined;
    for await (const part of await client.chat({ ...request, stream: true })) {
      parts.push(part.message.content);
      last = part;
    }
    expect(parts.join('')).toBe(whole.message.content);
    expect(parts.length).toBeGreaterThan(2);
    expect(last).toMatchObject({ done: true, done_reason: 'stop' });
    const raw = await fetch(`${fake.url}/api/chat`, { method: 'POST', body: JSON.stringify(request) });
    expect(raw.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await raw.text()).trim().split('\n').map((line) => JSON.parse(line) as { done: boolean });
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.at(-1)!.done).toBe(true);
  });

  it('answers /api/generate both ways and honours num_predict and format', async () => {
    const request = { model: 'llama3.2:latest', prompt: QUESTION, options: { seed: 3 } };
    const whole = await client.generate({ ...request, stream: false });
    let text = '';
    for await (const part of await client.generate({ ...request, stream: true })) text += part.response;
    expect(text).toBe(whole.response);
    const cut = await client.generate({ ...request, stream: false, options: { num_predict: 2 } });
    expect(cut).toMatchObject({ done_reason: 'length', eval_count: 2 });
    const structured = await client.chat({ model: 'llama3.2', messages: ask('Review the caching change'), format: reviewSchema, stream: false });
    expect(() => Review.parse(JSON.parse(structured.message.content))).not.toThrow();
    const loose = await client.chat({ model: 'llama3.2', messages: ask(), format: 'json', stream: false });
    expect(JSON.parse(loose.message.content)).toHaveProperty('answer');
  });

  it('answers /api/embed with one unit vector per input, and refuses chat and unknown models', async () => {
    const reply = await client.embed({ model: 'nomic-embed-text', input: ['Paris, France', 'france paris', 'Tokyo'] });
    expect(reply).toMatchObject({ model: 'nomic-embed-text', prompt_eval_count: 5 });
    expect(reply.embeddings.map((vector) => vector.length)).toEqual([EMBEDDING_DIMENSIONS, EMBEDDING_DIMENSIONS, EMBEDDING_DIMENSIONS]);
    expect(reply.embeddings[0]).toEqual(reply.embeddings[1]);
    expect(reply.embeddings[2]).not.toEqual(reply.embeddings[0]);
    expect((await client.embed({ model: 'all-minilm:latest', input: 'one' })).embeddings).toEqual([embedText('one')]);
    await expect(client.embed({ model: 'llama3.2', input: 'x' })).rejects.toMatchObject({ status_code: 400, error: '"llama3.2" does not support embeddings' });
    await expect(client.embed({ model: 'mxbai-embed-large', input: 'x' })).rejects.toMatchObject({ status_code: 404 });
    expect((await client.list()).models.map((m) => m.name)).not.toContain('nomic-embed-text:latest');
  });

  it('lists models with details, shows one, reports its version and 404s unknown models', async () => {
    const { models } = await client.list();
    expect(models.map((m) => m.name)).toEqual(['llama3.2:latest', 'qwen2.5:7b']);
    expect(models[0]).toMatchObject({ model: 'llama3.2:latest', details: { family: 'llama', parameter_size: '3.2B', format: 'gguf' } });
    expect(models[0]!.size).toBeGreaterThan(1e9);
    expect(models[0]!.digest).toMatch(/^[0-9a-f]{64}$/);
    expect((await client.show({ model: 'qwen2.5:7b' })).details.family).toBe('qwen2');
    expect((await client.version()).version).toMatch(/^\d+\.\d+\.\d+$/);
    await expect(client.chat({ model: 'mistral', messages: ask(), stream: false })).rejects.toMatchObject({
      name: 'ResponseError',
      status_code: 404,
      error: 'model "mistral" not found, try pulling it first',
    });
  });
});

describe('variety', () => {
  const distinct = (temperature: number, seedOf: (i: number) => number | undefined = () => undefined) =>
    new Set(Array.from({ length: 60 }, (_, i) => generateText({ model: 'm', prompt: QUESTION, temperature, counter: i, seed: seedOf(i) }))).size;

  it('is fixed at temperature 0 and spreads more as temperature rises', () => {
    expect(distinct(0)).toBe(1);
    const low = distinct(0.25); // two variants, no word-level changes
    expect(low).toBeGreaterThanOrEqual(1);
    expect(low).toBeLessThanOrEqual(2);
    expect(distinct(0.5)).toBeLessThanOrEqual(3);
    expect(distinct(1)).toBeGreaterThan(distinct(0.5));
    expect(distinct(2)).toBeGreaterThan(distinct(1));
    expect(distinct(2)).toBeGreaterThan(40);
  });

  it('repeats itself for the same seed and varies with the seed', () => {
    expect(distinct(1.5, () => 7)).toBe(1);
    expect(distinct(1.5, (i) => i)).toBeGreaterThan(20);
  });

  it('writes 5–60 words reusing the prompt, for any prompt', () => {
    for (let i = 0; i < 200; i++) {
      const prompt = i % 10 === 0 ? '' : `Summarize item ${i} about gardening, tomatoes and watering schedules`;
      const words = countWords(generateText({ model: 'x', prompt, temperature: (i % 9) / 4, counter: i }));
      expect(words).toBeGreaterThanOrEqual(5);
      expect(words).toBeLessThanOrEqual(60);
    }
    expect(topicWords('Tell me about Paris and the Seine')).toEqual(['Paris', 'Seine']);
  });

  it('reaches the servers: same seed, same text; no seed, different texts', async () => {
    const fake = await start({ kind: 'openai' });
    const client = openaiFor(fake);
    const once = async (options: { temperature: number; seed?: number }) =>
      (await client.chat.completions.create({ model: 'gpt-4o', messages: ask(), ...options })).choices[0]!.message.content;
    const zero = await Promise.all([0, 1, 2].map(() => once({ temperature: 0 })));
    expect(new Set(zero).size).toBe(1);
    const seeded = await Promise.all([0, 1, 2].map(() => once({ temperature: 1.5, seed: 9 })));
    expect(new Set(seeded).size).toBe(1);
    const free = await Promise.all(Array.from({ length: 10 }, () => once({ temperature: 1.5 })));
    expect(new Set(free).size).toBeGreaterThan(5);
  });
});

describe('faults', () => {
  let openai: FakeProvider;
  let anthropic: FakeProvider;
  let ollama: FakeProvider;
  beforeAll(async () => {
    [openai, anthropic, ollama] = await Promise.all([start({ kind: 'openai' }), start({ kind: 'anthropic' }), start({ kind: 'ollama' })]);
  });
  afterEach(() => {
    for (const fake of [openai, anthropic, ollama]) fake.clearFaults();
  });

  it('status: 429 with Retry-After in each provider’s error shape, consumed by completions only', async () => {
    openai.inject({ fault: { type: 'status', status: 429, retryAfterSeconds: 2, retryAfterMs: 1500 } });
    expect((await openaiFor(openai).models.list()).data.length).toBe(2); // discovery does not consume the rule
    const error = await openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rate = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rate.code).toBe('rate_limit_exceeded');
    expect(rate.headers.get('retry-after')).toBe('2');
    expect(rate.headers.get('retry-after-ms')).toBe('1500');
    await expect(openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask() })).resolves.toBeTruthy();

    anthropic.inject({ fault: { type: 'status', status: 429, retryAfterMs: 700 } }, { fault: { type: 'status', status: 503 } }, { fault: { type: 'status', status: 403 } });
    const create = () => anthropicFor(anthropic).messages.create({ model: 'claude-haiku-4-5', max_tokens: 50, messages: ask() });
    const limited = (await create().catch((e: unknown) => e)) as InstanceType<typeof Anthropic.RateLimitError>;
    expect(limited.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect([limited.headers?.get('retry-after'), limited.headers?.get('retry-after-ms')]).toEqual(['1', '700']);
    await expect(create()).rejects.toMatchObject({ status: 503, error: { error: { type: 'overloaded_error' } } });
    await expect(create()).rejects.toBeInstanceOf(Anthropic.PermissionDeniedError);

    ollama.inject({ fault: { type: 'status', status: 500 } });
    await expect(ollamaFor(ollama).chat({ model: 'llama3.2', messages: ask(), stream: false })).rejects.toMatchObject({ name: 'ResponseError', status_code: 500 });
    ollama.inject({ fault: { type: 'status', status: 429, retryAfterSeconds: 3 } });
    const raw = await fetch(`${ollama.url}/api/generate`, { method: 'POST', body: JSON.stringify({ model: 'llama3.2', prompt: 'hi' }) });
    expect([raw.status, raw.headers.get('retry-after'), raw.headers.get('retry-after-ms')]).toEqual([429, '3', null]);
    expect(await raw.json()).toEqual({ error: expect.any(String) });
  });

  it('applies to embedding requests too, with no effect on completions counted', async () => {
    openai.resetStats();
    openai.inject({ fault: { type: 'status', status: 429, retryAfterSeconds: 1 } }, { fault: { type: 'malformed' } });
    await expect(openaiFor(openai).embeddings.create({ model: 'text-embedding-3-small', input: 'x' })).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(openaiFor(openai).embeddings.create({ model: 'text-embedding-3-small', input: 'x', encoding_format: 'float' })).rejects.toThrow();
    expect((await openaiFor(openai).embeddings.create({ model: 'text-embedding-3-small', input: 'x' })).data).toHaveLength(1);
    expect(openai.completions).toBe(0);
    ollama.inject({ fault: { type: 'status', status: 503 } });
    await expect(ollamaFor(ollama).embed({ model: 'nomic-embed-text', input: 'x' })).rejects.toMatchObject({ status_code: 503 });
    await expect(ollamaFor(ollama).embed({ model: 'nomic-embed-text', input: 'x' })).resolves.toMatchObject({ embeddings: [expect.any(Array)] });
  });

  it('rules apply in order, per model and `times`; the SDK’s own retries honour retry-after-ms', async () => {
    openai.resetStats();
    openai.inject({ fault: { type: 'status', status: 500 }, model: 'gpt-4o', times: 2 }, { fault: { type: 'status', status: 400 } });
    const client = openaiFor(openai);
    // The gpt-4o rule does not match gpt-4o-mini, so the later catch-all rule does.
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask() })).rejects.toMatchObject({ status: 400 });
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask() })).resolves.toBeTruthy();
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages: ask() })).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages: ask() })).rejects.toMatchObject({ status: 500 });
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages: ask() })).resolves.toBeTruthy();
    expect(openai.completions).toBe(5);

    openai.inject({ fault: { type: 'status', status: 429, retryAfterMs: 30 }, times: 2 });
    const began = Date.now();
    const retried = await openaiFor(openai, { maxRetries: 2 }).chat.completions.create({ model: 'gpt-4o', messages: ask() });
    expect(retried.choices[0]!.finish_reason).toBe('stop');
    expect(Date.now() - began).toBeGreaterThanOrEqual(55);
    expect(openai.completions).toBe(8);
    expect(openai.requests.slice(-3).map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2']);
  });

  it('slow: answers after the delay, or the client times out first', async () => {
    anthropic.inject({ fault: { type: 'slow', delayMs: 150 } });
    const began = Date.now();
    await anthropicFor(anthropic).messages.create({ model: 'claude-haiku-4-5', max_tokens: 50, messages: ask() });
    expect(Date.now() - began).toBeGreaterThanOrEqual(140);
    openai.inject({ fault: { type: 'slow', delayMs: 2000 } });
    await expect(openaiFor(openai, { timeout: 100 }).chat.completions.create({ model: 'gpt-4o', messages: ask() })).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    await until(() => openai.inFlight === 0); // the abandoned request is released, its timer cleared
  });

  it('stall: a stream delivers its first chunk then nothing; a plain request never answers', async () => {
    openai.inject({ fault: { type: 'stall' } });
    const stream = await openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask(), stream: true });
    const chunks = stream[Symbol.asyncIterator]();
    const first = await chunks.next();
    expect(first.done).toBe(false);
    expect(first.value.choices[0].delta.content).toBeTruthy();
    const next = chunks.next();
    expect(await Promise.race([next.then(() => 'more'), sleep(200).then(() => 'stalled')])).toBe('stalled');
    expect(openai.inFlight).toBe(1);
    stream.controller.abort();
    await next;
    await until(() => openai.inFlight === 0);

    ollama.inject({ fault: { type: 'stall' } });
    const abort = new AbortController();
    const pending = fetch(`${ollama.url}/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'llama3.2', messages: ask(), stream: false }), signal: abort.signal });
    expect(await Promise.race([pending.then(() => 'answered'), sleep(200).then(() => 'silent')])).toBe('silent');
    abort.abort();
    await expect(pending).rejects.toThrow();
  });

  it('drop: the socket dies after the first chunk (streams) or after the headers (plain requests)', async () => {
    openai.inject({ fault: { type: 'drop' } }, { fault: { type: 'drop' } });
    const stream = await openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask(), stream: true });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
      })(),
    ).rejects.toThrow();
    expect(seen.length).toBe(1);
    await expect(openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask() })).rejects.toThrow();

    anthropic.inject({ fault: { type: 'drop' } });
    await expect(anthropicFor(anthropic).messages.stream({ model: 'claude-haiku-4-5', max_tokens: 50, messages: ask() }).finalMessage()).rejects.toThrow();
    ollama.inject({ fault: { type: 'drop' } });
    const parts = await ollamaFor(ollama).chat({ model: 'llama3.2', messages: ask(), stream: true });
    await expect(
      (async () => {
        for await (const part of parts) void part;
      })(),
    ).rejects.toThrow();
    await until(() => [openai, anthropic, ollama].every((fake) => fake.inFlight === 0));
  });

  it('malformed: 200 responses the SDKs cannot parse, streamed or not', async () => {
    openai.inject({ fault: { type: 'malformed' } }, { fault: { type: 'malformed' } });
    await expect(openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask() })).rejects.toThrow(SyntaxError);
    const stream = await openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask(), stream: true });
    await expect(
      (async () => {
        for await (const chunk of stream) void chunk;
      })(),
    ).rejects.toThrow(SyntaxError);

    anthropic.inject({ fault: { type: 'malformed' } });
    await expect(anthropicFor(anthropic).messages.stream({ model: 'claude-haiku-4-5', max_tokens: 50, messages: ask() }).finalMessage()).rejects.toThrow();

    ollama.inject({ fault: { type: 'malformed' } }, { fault: { type: 'malformed' } });
    await expect(ollamaFor(ollama).chat({ model: 'llama3.2', messages: ask(), stream: false })).rejects.toThrow(SyntaxError);
    // The ollama SDK skips lines it cannot parse, then notices the stream never finished.
    const parts = await ollamaFor(ollama).chat({ model: 'llama3.2', messages: ask(), stream: true });
    await expect(
      (async () => {
        for await (const part of parts) void part;
      })(),
    ).rejects.toThrow(/done/);
  });
});

describe('server', () => {
  it('counts concurrency, adds latency, records (or not) and resets', async () => {
    const fake = await start({ kind: 'openai', latencyMs: 80 });
    const client = openaiFor(fake);
    const began = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => client.chat.completions.create({ model: 'gpt-4o', messages: ask() })));
    expect(Date.now() - began).toBeGreaterThanOrEqual(75);
    expect(fake.maxInFlight).toBe(6);
    expect(fake.inFlight).toBe(0);
    expect(fake.completions).toBe(6);
    expect(fake.requests.map((r) => r.path)).toEqual(Array(6).fill('/v1/chat/completions'));
    fake.resetStats();
    expect([fake.completions, fake.maxInFlight, fake.requests.length]).toEqual([0, 0, 0]);

    const quiet = await start({ kind: 'ollama', record: false });
    await ollamaFor(quiet).chat({ model: 'llama3.2', messages: ask(), stream: false });
    expect(quiet.requests).toEqual([]);
    expect(quiet.completions).toBe(1);
  });

  it('keeps connections alive under load', async () => {
    const fake = await start({ kind: 'openai', record: false });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const body = JSON.stringify({ model: 'gpt-4o-mini', messages: ask(), temperature: 0.7 });
    const sockets = new Set<unknown>();
    const one = () =>
      new Promise<void>((resolve, reject) => {
        const req = http.request(`${fake.url}/chat/completions`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(String(res.statusCode)))));
        });
        req.on('socket', (socket) => sockets.add(socket));
        req.on('error', reject);
        req.end(body);
      });
    const began = Date.now();
    await Promise.all(Array.from({ length: 1000 }, one));
    agent.destroy();
    expect(sockets.size).toBeLessThanOrEqual(16);
    expect(fake.completions).toBe(1000);
    expect(Date.now() - began).toBeLessThan(10_000);
  });

  it('close() ends stalled streams and pending delays, leaving no timers behind', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const fake = await startFakeProvider({ kind: 'anthropic', latencyMs: 5 });
    fake.inject({ fault: { type: 'stall' } }, { fault: { type: 'slow', delayMs: 60_000 } });
    const client = anthropicFor(fake, { timeout: 120_000 });
    const stalled = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 50, messages: ask() });
    await new Promise<void>((resolve) => stalled.on('text', () => resolve()));
    const slow = client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 50, messages: ask() }).catch((e: unknown) => e);
    await until(() => fake.inFlight === 2);
    const began = Date.now();
    await fake.close();
    expect(Date.now() - began).toBeLessThan(1000);
    await expect(stalled.finalMessage()).rejects.toThrow();
    expect(await slow).toBeInstanceOf(Anthropic.APIConnectionError);
    await fake.close(); // idempotent
    await until(() => timers() <= before);
  });
});
