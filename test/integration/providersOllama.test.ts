// Ollama through the real ollama SDK against the fake server: sampling options on the wire, NDJSON
// streaming, JSON through `format`, embeddings, discovery with model details, an Ollama that is not
// running, and every fault mapped to the failure kind the runner acts on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOllamaProvider } from '../../electron/core/providers/ollamaProvider';
import type { ModelProvider } from '../../electron/core/providers/provider';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { closedPort, dot, embedded, failed, faultSuite, lastBody, ok, request, run, schema } from '../support/providerTestKit';

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
