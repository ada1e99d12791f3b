// Anthropic through the real @anthropic-ai/sdk against the fake server: the system prompt, default
// max_tokens and no seed on the wire, streaming, JSON through a forced tool, keys, discovery, and
// every fault mapped to the failure kind the runner acts on.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../../electron/core/providers/anthropicProvider';
import type { ModelProvider } from '../../electron/core/providers/provider';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { ANTHROPIC_KEY, failed, faultSuite, lastBody, ok, request, run, schema } from '../support/providerTestKit';

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
