// The fake Ollama server (test/support/fakeProviders) driven by the real ollama SDK: /api/chat and
// /api/generate plain and as NDJSON, metrics, format, embeddings, model details and errors.
// Other suites rely on it behaving like a real Ollama, so what the SDK sees is what is checked here.
import type { Ollama } from 'ollama';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FakeProvider } from '../support/fakeProviders/fakeServer';
import { EMBEDDING_DIMENSIONS, embedText } from '../support/fakeProviders/embeddings';
import { countWords } from '../support/fakeProviders/variety';
import { ask, fakeStarterForFile, ollamaFor, QUESTION, Review, reviewSchema } from '../support/providerTestKit';

const start = fakeStarterForFile();

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
