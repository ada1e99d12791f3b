// OpenAI and OpenAI-compatible endpoints through the real openai SDK against the fake server: what
// is sent on the wire, what comes back (streamed or not, text or JSON), keys, embeddings, discovery,
// a server that is not there, and every fault mapped to the failure kind the runner acts on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIProvider } from '../../electron/core/providers/openaiProvider';
import type { ModelProvider } from '../../electron/core/providers/provider';
import { ProviderFailureError } from '../../electron/core/providers/provider';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { closedPort, dot, embedded, failed, faultSuite, lastBody, ok, OPENAI_KEY, request, run, schema } from '../support/providerTestKit';

describe('OpenAI', () => {
  let fake: FakeProvider;
  let local: FakeProvider;
  let provider: ModelProvider;
  let compatible: ModelProvider;

  beforeAll(async () => {
    fake = await startFakeProvider({ kind: 'openai', apiKey: OPENAI_KEY });
    local = await startFakeProvider({ kind: 'openai', models: ['qwen2.5-7b-instruct'] });
    provider = createOpenAIProvider({ id: 'openai', kind: 'openai', label: 'OpenAI', baseUrl: fake.url, apiKey: OPENAI_KEY, keyVariable: 'OPENAI_API_KEY' });
    compatible = createOpenAIProvider({ id: 'lmstudio', kind: 'openai-compatible', label: 'lmstudio', baseUrl: local.url, apiKey: null });
  });
  afterAll(async () => {
    await fake.close();
    await local.close();
  });
  afterEach(() => {
    fake.clearFaults();
    fake.resetStats();
  });

  it('sends the parameters and messages, and reads the answer', async () => {
    const result = ok(await run(provider, request('gpt-4o-mini', { topP: 0.9, maxTokens: 200, seed: 7 })));
    expect(result.output.length).toBeGreaterThan(0);
    expect(result).toMatchObject({ finishReason: 'stop', ttftMs: null });
    expect(result.inputTokens).toBeGreaterThan(0);
    expect(result.outputTokens).toBeGreaterThan(0);
    expect(result.sent).toEqual({ model: 'gpt-4o-mini', temperature: 0.7, top_p: 0.9, max_tokens: 200, seed: 7, stream: false });
    const body = lastBody(fake, '/v1/chat/completions');
    expect(body).toMatchObject(result.sent);
    expect(body.messages).toEqual([
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: 'What is the capital of France?' },
      { role: 'assistant', content: 'Paris.' },
      { role: 'user', content: 'And of Japan?' },
    ]);
    expect(fake.requests.at(-1)?.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
  });

  it('streams with usage and a time to first token', async () => {
    const result = ok(await run(provider, request('gpt-4o-mini', { stream: true })));
    expect(result.output.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe('stop');
    expect(result.ttftMs).toBeGreaterThan(0);
    expect(result.ttftMs).toBeLessThanOrEqual(result.latencyMs);
    expect(result.outputTokens).toBeGreaterThan(0);
    expect(lastBody(fake, '/v1/chat/completions')).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(result.sent).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('asks for JSON with the schema, or for any JSON object', async () => {
    for (const stream of [false, true]) {
      const result = ok(await run(provider, request('gpt-4o', { stream, output: { format: 'json', schema } })));
      expect(JSON.parse(result.output)).toHaveProperty('answer');
      expect(lastBody(fake, '/v1/chat/completions').response_format).toEqual({ type: 'json_schema', json_schema: { name: 'output', schema, strict: false } });
    }
    const free = ok(await run(provider, request('gpt-4o', { output: { format: 'json' } })));
    expect(() => JSON.parse(free.output) as unknown).not.toThrow();
    expect(lastBody(fake, '/v1/chat/completions').response_format).toEqual({ type: 'json_object' });
  });

  it('a seed reproduces the answer; without one, samples are independent calls', async () => {
    const call = request('gpt-4o-mini', { temperature: 1.5, seed: 42 });
    const [a, b] = [ok(await run(provider, call)), ok(await run(provider, call))];
    expect(a.output).toBe(b.output);
    expect(fake.completions).toBe(2);
  });

  it('a wrong key is an auth failure that names the variable and not the key', async () => {
    const wrong = createOpenAIProvider({ id: 'openai', kind: 'openai', label: 'OpenAI', baseUrl: fake.url, apiKey: 'sk-wrong-key-000000000', keyVariable: 'OPENAI_API_KEY' });
    const failure = failed(await run(wrong, request('gpt-4o-mini')));
    expect(failure).toEqual({ kind: 'auth', status: 401, retryAfterMs: null, message: 'OpenAI rejected the API key (401). Check OPENAI_API_KEY or the key in Settings.' });
  });

  it('without a key says which to set, and makes no call', async () => {
    const keyless = createOpenAIProvider({ id: 'openai', kind: 'openai', label: 'OpenAI', baseUrl: fake.url, apiKey: null, keyVariable: 'OPENAI_API_KEY' });
    const message = 'OpenAI has no API key. Set OPENAI_API_KEY or add a key in Settings.';
    expect(failed(await run(keyless, request('gpt-4o-mini')))).toEqual({ kind: 'auth', status: null, retryAfterMs: null, message });
    await expect(keyless.listModels()).rejects.toThrow(message);
    expect(fake.requests).toHaveLength(0);
  });

  it('an unknown model is not_found, naming it', async () => {
    const failure = failed(await run(provider, request('gpt-9')));
    expect(failure).toMatchObject({ kind: 'not_found', status: 404 });
    expect(failure.message).toContain('Unknown model "gpt-9" at OpenAI (404)');
  });

  it('takes retry-after-ms over Retry-After', async () => {
    fake.inject({ fault: { type: 'status', status: 429, retryAfterMs: 1500 } });
    expect(failed(await run(provider, request('gpt-4o-mini')))).toMatchObject({ kind: 'rate_limit', retryAfterMs: 1500 });
  });

  it('a compatible endpoint works without a key', async () => {
    const result = ok(await run(compatible, request('qwen2.5-7b-instruct', { stream: true })));
    expect(result.output.length).toBeGreaterThan(0);
    expect(local.requests.at(-1)?.headers.authorization).toBe('Bearer not-needed');
    expect(compatible).toMatchObject({ id: 'lmstudio', kind: 'openai-compatible', label: 'lmstudio' });
    expect(await compatible.listModels()).toEqual([{ id: 'lmstudio/qwen2.5-7b-instruct', provider: 'lmstudio', model: 'qwen2.5-7b-instruct', sizeBytes: null, family: null, parameterSize: null }]);
  });

  it('embeds texts through the SDK, one vector per text in order, similar texts alike', async () => {
    const texts = ['Tokyo is the capital of Japan.', 'The capital of Japan is Tokyo.', 'Bananas are yellow.'];
    const result = await embedded(provider, texts, 'text-embedding-3-small');
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.vectors).toHaveLength(3);
    const [a = [], b = [], c = []] = result.vectors;
    expect(dot(a, b)).toBeCloseTo(1, 6); // the same words in another order
    expect(dot(a, c)).toBeLessThan(0.5);
    expect(lastBody(fake, '/v1/embeddings')).toEqual({ model: 'text-embedding-3-small', input: texts, encoding_format: 'float' });
  });

  it('maps embedding failures like completion failures: unknown model, missing key, server error, cancel', async () => {
    expect(await embedded(provider, ['x'], 'text-embedding-9')).toMatchObject({ ok: false, failure: { kind: 'not_found', message: expect.stringContaining('text-embedding-9') } });
    const keyless = createOpenAIProvider({ id: 'openai', kind: 'openai', label: 'OpenAI', baseUrl: fake.url, apiKey: null, keyVariable: 'OPENAI_API_KEY' });
    fake.resetStats();
    expect(await embedded(keyless, ['x'], 'text-embedding-3-small')).toMatchObject({ ok: false, failure: { kind: 'auth', message: expect.stringContaining('OPENAI_API_KEY') } });
    expect(fake.requests).toEqual([]);
    fake.inject({ fault: { type: 'status', status: 500 } });
    expect(await embedded(provider, ['x'], 'text-embedding-3-small')).toMatchObject({ ok: false, failure: { kind: 'server', status: 500 } });
    fake.inject({ fault: { type: 'stall' } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await embedded(provider, ['x'], 'text-embedding-3-small', controller.signal)).toMatchObject({ ok: false, failure: { kind: 'cancelled' } });
  });

  it('embeds through a compatible endpoint without a key', async () => {
    expect(await embedded(compatible, ['hello there'], 'text-embedding-3-small')).toMatchObject({ ok: true, vectors: [expect.any(Array)] });
  });

  it('lists the models', async () => {
    expect((await provider.listModels()).map((model) => model.id)).toEqual(['openai/gpt-4o', 'openai/gpt-4o-mini']);
  });

  it('a server that is not there is a network failure saying where', async () => {
    const port = await closedPort();
    const gone = createOpenAIProvider({ id: 'vllm', kind: 'openai-compatible', label: 'vllm', baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: null });
    expect(failed(await run(gone, request('m')))).toEqual({ kind: 'network', status: null, retryAfterMs: null, message: `Could not reach vllm at http://127.0.0.1:${port}/v1: connection refused` });
    await expect(gone.listModels()).rejects.toThrow(ProviderFailureError);
  });

  faultSuite('OpenAI', () => ({ provider, fake, model: 'gpt-4o-mini' }));
});
