// Each provider through its real SDK against the fake servers: what is sent on the wire, what comes
// back (streamed or not, text or JSON), every fault mapped to the failure kind the runner acts on,
// cancellation of a stalled call, and discovery and health, including an Ollama that is not running.
import http from 'node:http';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../../electron/services/providers/anthropicProvider';
import { createOllamaProvider } from '../../electron/services/providers/ollamaProvider';
import { createOpenAIProvider } from '../../electron/services/providers/openaiProvider';
import type { CompletionRequest, CompletionResult, EmbeddingResult, FailureKind, ModelProvider } from '../../electron/services/providers/provider';
import { ProviderFailureError } from '../../electron/services/providers/provider';
import { createProviderRegistry } from '../../electron/services/providers/providerRegistry';
import { sessionSecretStore } from '../../electron/services/providers/secretStore';
import { ProviderSettings } from '../../shared/providers';
import type { RenderedMessage } from '../../shared/prompts';
import { startFakeProvider, type Fault, type FakeProvider } from '../support/fakeProviders/fakeServer';

const OPENAI_KEY = 'sk-test-openai-0123456789abcdef';
const ANTHROPIC_KEY = 'sk-ant-test-0123456789abcdef';

const messages: RenderedMessage[] = [
  { role: 'system', content: [{ text: 'Answer briefly.' }] },
  { role: 'user', content: [{ text: 'What is the capital ' }, { text: 'of France?' }] },
  { role: 'model', content: [{ text: 'Paris.' }] },
  { role: 'user', content: [{ text: 'And of Japan?' }] },
];
const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };

function request(model: string, overrides: Partial<CompletionRequest> = {}): CompletionRequest {
  return { model, messages, temperature: 0.7, stream: false, ...overrides };
}

function run(provider: ModelProvider, call: CompletionRequest, signal: AbortSignal = new AbortController().signal): Promise<CompletionResult> {
  return provider.complete(call, { signal });
}

function ok(result: CompletionResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.failure.kind}: ${result.failure.message}`);
  return result;
}

function failed(result: CompletionResult) {
  if (result.ok) throw new Error(`expected a failure, got output ${JSON.stringify(result.output)}`);
  return result.failure;
}

/** Vectors from `embed`, which every provider here but Anthropic has. */
async function embedded(provider: ModelProvider, texts: string[], model: string, signal: AbortSignal = new AbortController().signal): Promise<EmbeddingResult> {
  if (!provider.embed) throw new Error(`${provider.label} has no embed`);
  return provider.embed(texts, { model, signal });
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

/** The body of the last completion request the fake received. */
function lastBody(fake: FakeProvider, path: string): Record<string, unknown> {
  const found = fake.requests.filter((entry) => entry.path === path).at(-1);
  if (!found) throw new Error(`no request to ${path}`);
  return found.body as Record<string, unknown>;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Aborts after the stalled call has certainly reached the server, and checks it ends promptly. */
async function expectPromptCancel(provider: ModelProvider, call: CompletionRequest, fake: FakeProvider): Promise<void> {
  const controller = new AbortController();
  const before = fake.completions;
  const started = Date.now();
  const pending = run(provider, call, controller.signal);
  while (fake.completions === before) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 50));
  controller.abort();
  const failure = failed(await pending);
  expect(failure).toMatchObject({ kind: 'cancelled', status: null, retryAfterMs: null });
  expect(Date.now() - started).toBeLessThan(2000);
}

/** The faults every provider must map, streamed and not. */
const statusCases: { fault: Fault; kind: FailureKind; status: number; retryAfterMs: number | null }[] = [
  { fault: { type: 'status', status: 429, retryAfterSeconds: 3 }, kind: 'rate_limit', status: 429, retryAfterMs: 3000 },
  { fault: { type: 'status', status: 500 }, kind: 'server', status: 500, retryAfterMs: null },
  { fault: { type: 'status', status: 503, retryAfterSeconds: 1 }, kind: 'server', status: 503, retryAfterMs: 1000 },
  { fault: { type: 'status', status: 401 }, kind: 'auth', status: 401, retryAfterMs: null },
  { fault: { type: 'status', status: 403 }, kind: 'auth', status: 403, retryAfterMs: null },
  { fault: { type: 'status', status: 400 }, kind: 'bad_request', status: 400, retryAfterMs: null },
  { fault: { type: 'status', status: 404 }, kind: 'not_found', status: 404, retryAfterMs: null },
];

function faultSuite(name: string, setup: () => { provider: ModelProvider; fake: FakeProvider; model: string }) {
  describe(`${name}: faults`, () => {
    for (const stream of [false, true]) {
      const mode = stream ? 'streamed' : 'not streamed';
      it.each(statusCases)(`${mode}: $fault.status → $kind`, async ({ fault, kind, status, retryAfterMs }) => {
        const { provider, fake, model } = setup();
        fake.inject({ fault });
        const result = await run(provider, request(model, { stream }));
        expect(failed(result)).toMatchObject({ kind, status, retryAfterMs });
        expect(result.sent).toMatchObject({ model });
      });

      it(`${mode}: a dropped connection is network, an unreadable body malformed`, async () => {
        const { provider, fake, model } = setup();
        fake.inject({ fault: { type: 'drop' } }, { fault: { type: 'malformed' } });
        expect(failed(await run(provider, request(model, { stream }))).kind).toBe('network');
        expect(failed(await run(provider, request(model, { stream }))).kind).toBe('malformed');
        ok(await run(provider, request(model, { stream })));
      });

      it(`${mode}: a stalled call ends promptly as cancelled when aborted`, async () => {
        const { provider, fake, model } = setup();
        fake.inject({ fault: { type: 'stall' } });
        await expectPromptCancel(provider, request(model, { stream }), fake);
      });
    }

    it('a slow answer still arrives', async () => {
      const { provider, fake, model } = setup();
      fake.inject({ fault: { type: 'slow', delayMs: 150 } });
      const result = ok(await run(provider, request(model, { stream: true })));
      expect(result.latencyMs).toBeGreaterThanOrEqual(140);
    });

    it('an aborted signal makes no call', async () => {
      const { provider, fake, model } = setup();
      const controller = new AbortController();
      controller.abort();
      const before = fake.completions;
      expect(failed(await run(provider, request(model), controller.signal)).kind).toBe('cancelled');
      expect(fake.completions).toBe(before);
    });

    it('cancelling one call leaves the others running', async () => {
      const { provider, fake, model } = setup();
      fake.inject({ fault: { type: 'stall' } }, { fault: { type: 'slow', delayMs: 200 } });
      const first = new AbortController();
      const stalled = run(provider, request(model, { stream: true }), first.signal);
      while (fake.completions < 1) await new Promise((resolve) => setTimeout(resolve, 5));
      const slow = run(provider, request(model, { stream: true }));
      while (fake.completions < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      first.abort();
      expect(failed(await stalled).kind).toBe('cancelled');
      ok(await slow);
    });
  });
}

// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------

describe('Anthropic', () => {
  let fake: FakeProvider;
  let provider: ModelProvider;

  beforeAll(async () => {
    // No key check on the fake: it wants x-api-key, while SDK 1.x sends the key as a Bearer token.
    fake = await startFakeProvider({ kind: 'anthropic' });
    provider = createAnthropicProvider({ baseUrl: fake.url, apiKey: ANTHROPIC_KEY });
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.clearFaults();
    fake.resetStats();
  });

  it('puts the system prompt on top, sends max_tokens by default and never a seed', async () => {
    const result = ok(await run(provider, request('claude-haiku-4-5', { seed: 3, topP: 0.8 })));
    expect(result.output.length).toBeGreaterThan(0);
    expect(result).toMatchObject({ finishReason: 'end_turn', ttftMs: null });
    expect(result.inputTokens).toBeGreaterThan(0);
    expect(result.outputTokens).toBeGreaterThan(0);
    expect(result.sent).toEqual({ model: 'claude-haiku-4-5', max_tokens: 1024, temperature: 0.7, top_p: 0.8, stream: false });
    const body = lastBody(fake, '/v1/messages');
    expect(body).not.toHaveProperty('seed');
    expect(body).toMatchObject({ max_tokens: 1024, temperature: 0.7, top_p: 0.8, system: 'Answer briefly.' });
    expect(body.messages).toEqual([
      { role: 'user', content: 'What is the capital of France?' },
      { role: 'assistant', content: 'Paris.' },
      { role: 'user', content: 'And of Japan?' },
    ]);
    const headers = fake.requests.at(-1)?.headers;
    expect(headers?.authorization ?? headers?.['x-api-key']).toContain(ANTHROPIC_KEY);
    expect(headers?.['anthropic-version']).toBeTruthy();
  });

  it('streams with usage and a time to first token', async () => {
    const result = ok(await run(provider, request('claude-haiku-4-5', { stream: true, maxTokens: 300 })));
    expect(result.output.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe('end_turn');
    expect(result.ttftMs).toBeGreaterThan(0);
    expect(result.inputTokens).toBeGreaterThan(0);
    expect(result.outputTokens).toBeGreaterThan(1);
    expect(lastBody(fake, '/v1/messages')).toMatchObject({ stream: true, max_tokens: 300 });
  });

  it('a schema becomes a forced tool whose input is the output, streamed or not', async () => {
    const outputs: string[] = [];
    for (const stream of [false, true]) {
      const result = ok(await run(provider, request('claude-haiku-4-5', { stream, temperature: 0, output: { format: 'json', schema } })));
      expect(JSON.parse(result.output)).toHaveProperty('answer');
      expect(result.finishReason).toBe('tool_use');
      outputs.push(result.output);
      expect(lastBody(fake, '/v1/messages')).toMatchObject({ tools: [{ name: 'output', input_schema: schema }], tool_choice: { type: 'tool', name: 'output' } });
    }
    // Streamed tool input is re-serialised, so both read the same.
    expect(outputs[1]).toBe(outputs[0]);
  });

  it('JSON without a schema is plain text, asked for by the prompt', async () => {
    ok(await run(provider, request('claude-haiku-4-5', { output: { format: 'json' } })));
    const body = lastBody(fake, '/v1/messages');
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
  });

  it('a temperature above 1 is refused as a bad request', async () => {
    const failure = failed(await run(provider, request('claude-haiku-4-5', { temperature: 1.5 })));
    expect(failure).toMatchObject({ kind: 'bad_request', status: 400 });
    expect(failure.message).toContain('temperature');
  });

  it('a rejected key names ANTHROPIC_API_KEY', async () => {
    fake.inject({ fault: { type: 'status', status: 401 } });
    expect(failed(await run(provider, request('claude-haiku-4-5'))).message).toBe('Anthropic rejected the API key (401). Check ANTHROPIC_API_KEY or the key in Settings.');
  });

  it('without a key says which to set, and makes no call', async () => {
    const keyless = createAnthropicProvider({ baseUrl: fake.url, apiKey: null });
    expect(failed(await run(keyless, request('claude-haiku-4-5')))).toMatchObject({ kind: 'auth', message: 'Anthropic has no API key. Set ANTHROPIC_API_KEY or add a key in Settings.' });
    expect(fake.requests).toHaveLength(0);
  });

  it('takes retry-after-ms over Retry-After', async () => {
    fake.inject({ fault: { type: 'status', status: 429, retryAfterMs: 1500 } });
    expect(failed(await run(provider, request('claude-haiku-4-5', { stream: true })))).toMatchObject({ kind: 'rate_limit', retryAfterMs: 1500 });
  });

  it('lists the models', async () => {
    expect((await provider.listModels()).map((model) => model.id)).toEqual(['anthropic/claude-haiku-4-5', 'anthropic/claude-sonnet-4-5']);
  });

  faultSuite('Anthropic', () => ({ provider, fake, model: 'claude-haiku-4-5' }));
});

// ---------------------------------------------------------------------------------------------

describe('Ollama', () => {
  let fake: FakeProvider;
  let provider: ModelProvider;

  beforeAll(async () => {
    fake = await startFakeProvider({ kind: 'ollama' });
    provider = createOllamaProvider({ host: fake.url });
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.clearFaults();
    fake.resetStats();
  });

  it('sends the sampling options and reads tokens and the finish reason', async () => {
    const result = ok(await run(provider, request('llama3.2', { topP: 0.9, seed: 5, maxTokens: 64 })));
    expect(result.output.length).toBeGreaterThan(0);
    expect(result).toMatchObject({ finishReason: 'stop', ttftMs: null });
    expect(result.inputTokens).toBeGreaterThan(0);
    expect(result.outputTokens).toBeGreaterThan(0);
    expect(result.sent).toEqual({ model: 'llama3.2', options: { temperature: 0.7, top_p: 0.9, seed: 5, num_predict: 64 }, stream: false });
    const body = lastBody(fake, '/api/chat');
    expect(body).toMatchObject(result.sent);
    expect(body.messages).toEqual([
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: 'What is the capital of France?' },
      { role: 'assistant', content: 'Paris.' },
      { role: 'user', content: 'And of Japan?' },
    ]);
  });

  it('streams NDJSON with a time to first token', async () => {
    const result = ok(await run(provider, request('qwen2.5:7b', { stream: true })));
    expect(result.output.length).toBeGreaterThan(0);
    expect(result.finishReason).toBe('stop');
    expect(result.ttftMs).toBeGreaterThan(0);
    expect(result.outputTokens).toBeGreaterThan(0);
    expect(lastBody(fake, '/api/chat')).toMatchObject({ stream: true });
  });

  it('a token limit shows as the length finish reason', async () => {
    const result = ok(await run(provider, request('llama3.2', { maxTokens: 2, stream: true })));
    expect(result.finishReason).toBe('length');
  });

  it('constrains JSON with the schema as format, or with "json"', async () => {
    const result = ok(await run(provider, request('llama3.2', { stream: true, output: { format: 'json', schema } })));
    expect(JSON.parse(result.output)).toHaveProperty('answer');
    expect(lastBody(fake, '/api/chat').format).toEqual(schema);
    ok(await run(provider, request('llama3.2', { output: { format: 'json' } })));
    expect(lastBody(fake, '/api/chat').format).toBe('json');
  });

  it('the same seed gives the same answer', async () => {
    const call = request('llama3.2', { temperature: 1.2, seed: 11 });
    expect(ok(await run(provider, call)).output).toBe(ok(await run(provider, call)).output);
  });

  it('an unknown model says how to pull it', async () => {
    expect(failed(await run(provider, request('mistral')))).toEqual({
      kind: 'not_found',
      status: 404,
      retryAfterMs: null,
      message: 'Unknown model "mistral" at Ollama — pull it with `ollama pull mistral`',
    });
  });

  it('embeds texts through /api/embed, and says how to pull an unknown embedding model', async () => {
    const result = await embedded(provider, ['Tokyo', 'tokyo', 'Paris'], 'nomic-embed-text');
    if (!result.ok) throw new Error(result.failure.message);
    const [tokyo = [], same = [], paris = []] = result.vectors;
    expect(dot(tokyo, same)).toBeCloseTo(1, 6);
    expect(dot(tokyo, paris)).toBeLessThan(0.9);
    expect(lastBody(fake, '/api/embed')).toEqual({ model: 'nomic-embed-text', input: ['Tokyo', 'tokyo', 'Paris'] });
    expect(await embedded(provider, ['x'], 'mxbai-embed-large')).toMatchObject({
      ok: false,
      failure: { kind: 'not_found', message: 'Unknown model "mxbai-embed-large" at Ollama — pull it with `ollama pull mxbai-embed-large`' },
    });
    fake.inject({ fault: { type: 'malformed' } });
    expect(await embedded(provider, ['x'], 'nomic-embed-text')).toMatchObject({ ok: false, failure: { kind: 'malformed' } });
  });

  it('discovers models with size, family and parameter size', async () => {
    expect(await provider.listModels()).toEqual([
      { id: 'ollama/llama3.2', provider: 'ollama', model: 'llama3.2', sizeBytes: 2_019_393_189, family: 'llama', parameterSize: '3.2B' },
      { id: 'ollama/qwen2.5:7b', provider: 'ollama', model: 'qwen2.5:7b', sizeBytes: 4_683_087_332, family: 'qwen2', parameterSize: '7.6B' },
    ]);
  });

  it('when not running, says so and how to start it', async () => {
    const port = await closedPort();
    const absent = createOllamaProvider({ host: `http://127.0.0.1:${port}` });
    const expected = `Ollama is not running at 127.0.0.1:${port} — start it with \`ollama serve\``;
    expect(failed(await run(absent, request('llama3.2', { stream: true })))).toEqual({ kind: 'network', status: null, retryAfterMs: null, message: expected });
    await expect(absent.listModels()).rejects.toThrow(expected);
  });

  faultSuite('Ollama', () => ({ provider, fake, model: 'llama3.2' }));
});

// ---------------------------------------------------------------------------------------------

describe('registry health against the fakes', () => {
  let openai: FakeProvider;
  let anthropic: FakeProvider;
  let ollama: FakeProvider;
  let silent: http.Server;
  let silentPort: number;

  beforeAll(async () => {
    [openai, anthropic, ollama] = await Promise.all([
      startFakeProvider({ kind: 'openai', apiKey: OPENAI_KEY }),
      startFakeProvider({ kind: 'anthropic' }),
      startFakeProvider({ kind: 'ollama' }),
    ]);
    // Accepts connections and never answers.
    silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await Promise.all([openai.close(), anthropic.close(), ollama.close()]);
  });

  it('finds every provider from the environment and settings', async () => {
    const secrets = sessionSecretStore();
    secrets.set('anthropic', ANTHROPIC_KEY);
    const registry = createProviderRegistry({
      settings: ProviderSettings.parse({ anthropicBaseUrl: anthropic.url, endpoints: [{ name: 'local', baseUrl: openai.url }] }),
      env: { OLLAMA_HOST: `127.0.0.1:${ollama.port}`, OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: OPENAI_KEY },
      secrets,
    });
    expect(await registry.health('ollama')).toMatchObject({ provider: 'ollama', ok: true, message: '2 models' });
    expect(await registry.health('openai')).toMatchObject({ ok: true, message: '2 models' });
    expect(await registry.health('anthropic')).toMatchObject({ ok: true, message: '2 models' });
    // The compatible endpoint sends no key, and this fake wants one.
    expect(await registry.health('local')).toMatchObject({ ok: false, message: 'local rejected the API key (401). Check the key for local in Settings.' });
    const result = ok(await run(registry.get('openai')!, request('gpt-4o-mini')));
    expect(result.output.length).toBeGreaterThan(0);
    // Embeddings where the provider has them, before its SDK is loaded; none for Anthropic.
    expect(['ollama', 'openai', 'anthropic', 'local'].map((id) => typeof registry.get(id)?.embed)).toEqual(['function', 'function', 'undefined', 'function']);
    expect(await embedded(registry.get('ollama')!, ['hi'], 'all-minilm')).toMatchObject({ ok: true });
  });

  it('reports Ollama not running, and a server that does not answer in time', async () => {
    const port = await closedPort();
    const registry = createProviderRegistry({
      settings: ProviderSettings.parse({ endpoints: [{ name: 'silent', baseUrl: `http://127.0.0.1:${silentPort}/v1` }] }),
      env: { OLLAMA_HOST: `:${port}` },
      secrets: sessionSecretStore(),
      healthTimeoutMs: 300,
    });
    expect(await registry.health('ollama')).toMatchObject({ ok: false, models: [], message: `Ollama is not running at 127.0.0.1:${port} — start it with \`ollama serve\`` });
    const started = Date.now();
    expect(await registry.health('silent')).toMatchObject({ ok: false, message: `silent did not answer within 300 ms at http://127.0.0.1:${silentPort}/v1.` });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
