// Every fault type of the fakes (status, slow, stall, drop, malformed, and `reply`, a chosen answer) across the OpenAI, Anthropic
// and Ollama fakes as the real SDKs see them: each provider's error shape, rule order, `times` and
// per-model rules, and no requests left in flight afterwards.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeProvider } from '../support/fakeProviders/fakeServer';
import { anthropicFor, ask, fakeStarterForFile, ollamaFor, openaiFor, sleep, until } from '../support/providerTestKit';

const start = fakeStarterForFile();

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

  it('reply: a normal answer with the chosen text, streamed or not, in each wire format', async () => {
    const hostile = '<img src=x onerror="alert(1)"> and **markdown**';
    openai.inject({ fault: { type: 'reply', text: hostile } }, { fault: { type: 'reply', text: 'second' } });
    const plain = await openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask() });
    expect(plain.choices[0]?.message.content).toBe(hostile);
    expect(plain.choices[0]?.finish_reason).toBe('stop');
    let streamed = '';
    for await (const chunk of await openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask(), stream: true })) streamed += chunk.choices[0]?.delta?.content ?? '';
    expect(streamed).toBe('second');
    // Consumed: the next answer is made up again.
    expect((await openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask() })).choices[0]?.message.content).not.toBe('second');

    anthropic.inject({ fault: { type: 'reply', text: hostile } });
    const message = await anthropicFor(anthropic).messages.stream({ model: 'claude-haiku-4-5', max_tokens: 50, messages: ask() }).finalMessage();
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: hostile })]);

    ollama.inject({ fault: { type: 'reply', text: hostile } });
    expect((await ollamaFor(ollama).chat({ model: 'llama3.2', messages: ask(), stream: false })).message.content).toBe(hostile);
  });
});
