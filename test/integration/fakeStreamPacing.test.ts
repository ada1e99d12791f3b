// The fakes' pacing faults as the real SDKs see them: `steady` (a stream that keeps coming, a line
// at a time) and `json` (a streaming request answered with one plain JSON body).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeProvider } from '../support/fakeProviders/fakeServer';
import { anthropicFor, ask, fakeStarterForFile, ollamaFor, openaiFor } from '../support/providerTestKit';

const start = fakeStarterForFile();
const INTERVAL = 25;

describe('pacing faults', () => {
  let openai: FakeProvider;
  let anthropic: FakeProvider;
  let ollama: FakeProvider;
  beforeAll(async () => {
    [openai, anthropic, ollama] = await Promise.all([start({ kind: 'openai' }), start({ kind: 'anthropic' }), start({ kind: 'ollama' })]);
  });
  afterEach(() => {
    for (const fake of [openai, anthropic, ollama]) fake.clearFaults();
  });

  it('steady: the same answer, its chunks spread out over time', async () => {
    const body = { model: 'gpt-4o', messages: ask(), seed: 3, max_tokens: 12 };
    let quick = '';
    for await (const chunk of await openaiFor(openai).chat.completions.create({ ...body, stream: true })) quick += chunk.choices[0]?.delta?.content ?? '';
    openai.inject({ fault: { type: 'steady', intervalMs: INTERVAL } });
    const started = Date.now();
    const arrivals: number[] = [];
    let paced = '';
    for await (const chunk of await openaiFor(openai).chat.completions.create({ ...body, stream: true })) {
      arrivals.push(Date.now() - started);
      paced += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(paced).toBe(quick);
    expect(arrivals.length).toBeGreaterThan(3);
    // Each event waits INTERVAL; the last one, [DONE], yields no chunk.
    expect(arrivals.at(-1)).toBeGreaterThanOrEqual(arrivals.length * INTERVAL * 0.8);

    anthropic.inject({ fault: { type: 'steady', intervalMs: INTERVAL } });
    const message = await anthropicFor(anthropic).messages.stream({ model: 'claude-haiku-4-5', max_tokens: 12, messages: ask() }).finalMessage();
    expect(message.stop_reason).not.toBeNull();

    ollama.inject({ fault: { type: 'steady', intervalMs: INTERVAL } });
    const parts = [];
    for await (const part of await ollamaFor(ollama).chat({ model: 'llama3.2', messages: ask(), stream: true, options: { num_predict: 12 } })) parts.push(part);
    expect(parts.at(-1)?.done).toBe(true);
  });

  it('json: a streaming request gets the plain JSON answer, which the SSE readers find empty', async () => {
    openai.inject({ fault: { type: 'json' } });
    const { data: stream, response } = await openaiFor(openai).chat.completions.create({ model: 'gpt-4o', messages: ask(), stream: true }).withResponse();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks).toEqual([]);

    anthropic.inject({ fault: { type: 'json' } });
    const events = [];
    for await (const event of await anthropicFor(anthropic).messages.create({ model: 'claude-haiku-4-5', max_tokens: 20, messages: ask(), stream: true })) events.push(event);
    expect(events).toEqual([]);

    // Ollama streams JSON lines: one whole JSON answer reads as a one-line stream; other JSON does not.
    ollama.inject({ fault: { type: 'json' } }, { fault: { type: 'json', body: { status: 'ok' } } });
    const parts = [];
    for await (const part of await ollamaFor(ollama).chat({ model: 'llama3.2', messages: ask(), stream: true })) parts.push(part);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.done).toBe(true);
    const other = await ollamaFor(ollama).chat({ model: 'llama3.2', messages: ask(), stream: true });
    await expect(
      (async () => {
        for await (const part of other) void part;
      })(),
    ).rejects.toThrow(/done/);
  });
});
