// What the provider tests share, so each provider's file holds only its own tests. Two halves:
// driving our providers (test/integration/providers*.test.ts) and driving the SDKs straight at the
// fake servers (test/integration/fake*.test.ts), which checks the fakes behave like the real APIs.
import net from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import OpenAI from 'openai';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CompletionRequest, CompletionResult, EmbeddingResult, FailureKind, ModelProvider } from '../../electron/core/providers/provider';
import type { RenderedMessage } from '../../shared/prompts';
import { startFakeProvider, type Fault, type FakeProvider, type FakeProviderOptions } from './fakeProviders/fakeServer';

// --- Our providers against the fakes ---------------------------------------------------------

export const OPENAI_KEY = 'sk-test-openai-0123456789abcdef';
export const ANTHROPIC_KEY = 'sk-ant-test-0123456789abcdef';

const messages: RenderedMessage[] = [
  { role: 'system', content: [{ text: 'Answer briefly.' }] },
  { role: 'user', content: [{ text: 'What is the capital ' }, { text: 'of France?' }] },
  { role: 'model', content: [{ text: 'Paris.' }] },
  { role: 'user', content: [{ text: 'And of Japan?' }] },
];
export const schema = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };

export function request(model: string, overrides: Partial<CompletionRequest> = {}): CompletionRequest {
  return { model, messages, temperature: 0.7, stream: false, ...overrides };
}

export function run(provider: ModelProvider, call: CompletionRequest, signal: AbortSignal = new AbortController().signal): Promise<CompletionResult> {
  return provider.complete(call, { signal });
}

export function ok(result: CompletionResult) {
  if (!result.ok) throw new Error(`expected success, got ${result.failure.kind}: ${result.failure.message}`);
  return result;
}

export function failed(result: CompletionResult) {
  if (result.ok) throw new Error(`expected a failure, got output ${JSON.stringify(result.output)}`);
  return result.failure;
}

/** Vectors from `embed`, which every provider here but Anthropic has. */
export async function embedded(provider: ModelProvider, texts: string[], model: string, signal: AbortSignal = new AbortController().signal): Promise<EmbeddingResult> {
  if (!provider.embed) throw new Error(`${provider.label} has no embed`);
  return provider.embed(texts, { model, signal });
}

export const dot = (a: readonly number[], b: readonly number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

/** The body of the last completion request the fake received. */
export function lastBody(fake: FakeProvider, path: string): Record<string, unknown> {
  const found = fake.requests.filter((entry) => entry.path === path).at(-1);
  if (!found) throw new Error(`no request to ${path}`);
  return found.body as Record<string, unknown>;
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
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

/**
 * The same fault tests for every provider. Call it inside the provider's describe, whose hooks start
 * the fake and clear its faults and stats after each test.
 */
export function faultSuite(name: string, setup: () => { provider: ModelProvider; fake: FakeProvider; model: string }) {
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

    it('streamed: reports activity as the answer arrives, a chunk at a time', async () => {
      const { provider, fake, model } = setup();
      fake.inject({ fault: { type: 'steady', intervalMs: 5, text: 'one two three four five six seven eight nine ten eleven twelve' } });
      let activity = 0;
      ok(await provider.complete(request(model, { stream: true }), { signal: new AbortController().signal, activity: () => activity++ }));
      // The headers, then each of the four text chunks and the events around them.
      expect(activity).toBeGreaterThan(4);
    });

    it('streamed: plain JSON instead of a stream is malformed, says so, and is not worth a retry', async () => {
      const { provider, fake, model } = setup();
      fake.inject({ fault: { type: 'json', body: { object: 'ok' } } });
      const failure = failed(await run(provider, request(model, { stream: true })));
      expect(failure).toMatchObject({ kind: 'malformed', retryable: false });
      expect(failure.message).toMatch(/answered a streaming request with plain JSON instead of a stream\. Check the address in Settings/);
    });

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

// --- The SDKs straight at the fakes ----------------------------------------------------------

export const KEY = 'test-key';
export const QUESTION = 'What is the capital of France and why is Paris important?';

/**
 * A `start` for fakes that are closed after the calling file's tests. Call it at a file's top level,
 * so the afterAll belongs to that file.
 */
export function fakeStarterForFile(): (options: FakeProviderOptions) => Promise<FakeProvider> {
  const started: FakeProvider[] = [];
  afterAll(async () => {
    await Promise.all(started.map((fake) => fake.close()));
  });
  return async (options) => {
    const fake = await startFakeProvider(options);
    started.push(fake);
    return fake;
  };
}

// The SDKs retry 429/5xx/connection errors twice by default; fault tests want to see each fault.
export const openaiFor = (fake: FakeProvider, options: { maxRetries?: number; timeout?: number } = {}) =>
  new OpenAI({ apiKey: KEY, baseURL: fake.url, maxRetries: 0, ...options });
export const anthropicFor = (fake: FakeProvider, options: { maxRetries?: number; timeout?: number } = {}) =>
  new Anthropic({ apiKey: KEY, baseURL: fake.url, maxRetries: 0, ...options });
export const ollamaFor = (fake: FakeProvider) => new Ollama({ host: fake.url });
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const ask = (content = QUESTION) => [{ role: 'user' as const, content }];

export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

/** A structured-output schema used for all three providers, validated with zod on the way back. */
export const Review = z.object({
  title: z.string(),
  score: z.number().int().min(1).max(5),
  ratio: z.number().min(0).max(1),
  verdict: z.enum(['approve', 'reject', 'revise']),
  tags: z.array(z.string()).min(1).max(4),
  ok: z.boolean(),
  author: z.object({ name: z.string(), email: z.email() }),
  note: z.string().nullable(),
});
export const reviewSchema = z.toJSONSchema(Review) as Record<string, unknown>;
