// The fake Anthropic server (test/support/fakeProviders) driven by the real @anthropic-ai/sdk:
// messages plain and streamed as the documented events, forced tools and JSON output, models,
// errors in Anthropic's shape and max_tokens. Other suites rely on it behaving like the real API.
import Anthropic from '@anthropic-ai/sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FakeProvider } from '../support/fakeProviders/fakeServer';
import { countWords } from '../support/fakeProviders/variety';
import { anthropicFor, ask, fakeStarterForFile, KEY, QUESTION, Review, reviewSchema } from '../support/providerTestKit';

const start = fakeStarterForFile();

/** @anthropic-ai/sdk 1.x dropped `temperature` from its types, but still sends it when given. */
const withTemperature = <T extends object>(params: T, temperature: number): T => ({ ...params, temperature });

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
