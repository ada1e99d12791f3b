// The fake OpenAI server (test/support/fakeProviders) driven by the real openai SDK: chat completions
// plain and streamed, usage, models, embeddings, errors in OpenAI's shape and structured output.
// Other suites rely on it behaving like the real API, so what the SDK sees is what is checked here.
import OpenAI from 'openai';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FakeProvider } from '../support/fakeProviders/fakeServer';
import { EMBEDDING_DIMENSIONS, embedText } from '../support/fakeProviders/embeddings';
import { countWords } from '../support/fakeProviders/variety';
import { ask, fakeStarterForFile, KEY, openaiFor, QUESTION, Review, reviewSchema } from '../support/providerTestKit';

const start = fakeStarterForFile();

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
