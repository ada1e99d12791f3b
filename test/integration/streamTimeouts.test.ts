// Per-call timeouts against streamed answers, through the runner's call (callSample) and the three
// official SDKs against the fake servers: a call times out on silence (before the first byte or
// between chunks), not on length, so an answer that keeps coming is not cut off; an overall cap
// still ends a runaway one. A streaming request answered with plain JSON is reported as such, once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../../electron/core/providers/anthropicProvider';
import { createOllamaProvider } from '../../electron/core/providers/ollamaProvider';
import { createOpenAIProvider } from '../../electron/core/providers/openaiProvider';
import type { ModelProvider } from '../../electron/core/providers/provider';
import type { CallLimits } from '../../electron/core/runner/callLimits';
import { abortableSleep, defaultRetryPolicy } from '../../electron/core/runner/retryPolicy';
import { callSample, type CallResult } from '../../electron/core/runner/sampleCall';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { ANTHROPIC_KEY, OPENAI_KEY, request } from '../support/providerTestKit';

const SILENCE_MS = 400;
/** Long enough to stream in many chunks (the fakes send three words a chunk). */
const LONG_ANSWER = Array.from({ length: 45 }, (_, i) => `word${i}`).join(' ');
const limits: CallLimits = { silenceMs: SILENCE_MS, totalMs: 30_000 };

interface Target {
  name: string;
  fake: FakeProvider;
  provider: ModelProvider;
  model: string;
}
const targets: Target[] = [];

beforeAll(async () => {
  const openai = await startFakeProvider({ kind: 'openai', apiKey: OPENAI_KEY });
  const anthropic = await startFakeProvider({ kind: 'anthropic', apiKey: ANTHROPIC_KEY });
  const ollama = await startFakeProvider({ kind: 'ollama' });
  targets.push(
    { name: 'OpenAI', fake: openai, model: 'gpt-4o-mini', provider: createOpenAIProvider({ id: 'openai', kind: 'openai', label: 'OpenAI', baseUrl: openai.url, apiKey: OPENAI_KEY }) },
    { name: 'Anthropic', fake: anthropic, model: 'claude-haiku-4-5', provider: createAnthropicProvider({ baseUrl: anthropic.url, apiKey: ANTHROPIC_KEY }) },
    { name: 'Ollama', fake: ollama, model: 'llama3.2', provider: createOllamaProvider({ host: ollama.url }) },
  );
});

afterAll(async () => {
  await Promise.all(targets.map((target) => target.fake.close()));
});

afterEach(() => {
  for (const target of targets) target.fake.clearFaults();
});

/** One sample as the runner takes it: its retries (the default policy, quick backoff) included. */
function sample(target: Target, callLimits: CallLimits = limits): Promise<CallResult> {
  return callSample(request(target.model, { stream: true }), null, {
    provider: target.provider,
    signal: new AbortController().signal,
    limits: callLimits,
    price: null,
    retry: { ...defaultRetryPolicy, baseDelayMs: 10, maxDelayMs: 20 },
    sleep: abortableSleep,
    random: () => 0.5,
  });
}

function outcomeOf(result: CallResult) {
  if (result.kind !== 'recorded') throw new Error(`expected a recorded sample, got ${result.kind}`);
  return result.outcome;
}

describe.each(['OpenAI', 'Anthropic', 'Ollama'])('%s streamed through the runner', (name) => {
  const target = () => targets.find((entry) => entry.name === name) as Target;

  it('finishes an answer that keeps coming for longer than the silence timeout', async () => {
    const { fake } = target();
    fake.inject({ fault: { type: 'steady', intervalMs: SILENCE_MS / 4, text: LONG_ANSWER } });
    const before = fake.completions;
    const outcome = outcomeOf(await sample(target()));
    expect(outcome.error ?? null).toBeNull();
    expect(outcome).toMatchObject({ status: 'ok', attempts: 1 });
    expect(outcome.output).toBe(LONG_ANSWER);
    expect(outcome.latencyMs).toBeGreaterThan(SILENCE_MS * 2);
    expect(fake.completions - before).toBe(1);
  }, 30_000);

  it('times out a stream that goes silent, after the silence timeout and not the overall cap', async () => {
    const { fake } = target();
    fake.inject({ fault: { type: 'stall' }, times: 4 });
    const started = Date.now();
    const outcome = outcomeOf(await sample(target()));
    expect(outcome).toMatchObject({ status: 'error', attempts: 4, error: { code: 'timeout' } });
    expect(outcome.error?.message).toBe(`${name} sent nothing for ${SILENCE_MS} ms (the silence timeout in Settings).`);
    expect(Date.now() - started).toBeLessThan(4 * SILENCE_MS + 3000);
  }, 30_000);

  it('times out a server that sends nothing at all, the first byte included', async () => {
    const { fake } = target();
    fake.inject({ fault: { type: 'slow', delayMs: 5000 }, times: 4 });
    const outcome = outcomeOf(await sample(target()));
    expect(outcome).toMatchObject({ status: 'error', attempts: 4, error: { code: 'timeout' } });
    expect(outcome.latencyMs).toBeLessThan(3000);
  }, 30_000);

  it('ends an answer still streaming at the overall cap, without retrying it', async () => {
    const { fake } = target();
    fake.inject({ fault: { type: 'steady', intervalMs: 50, text: LONG_ANSWER }, times: 4 });
    const before = fake.completions;
    const outcome = outcomeOf(await sample(target(), { silenceMs: 5000, totalMs: 300 }));
    expect(outcome).toMatchObject({ status: 'error', attempts: 1, error: { code: 'timeout' } });
    expect(outcome.error?.message).toMatch(/was still answering after 300 ms, the longest a call may take\. Raise it in Settings/);
    expect(fake.completions - before).toBe(1);
  }, 30_000);

  it('reports plain JSON answering a streaming request as such, and does not retry it', async () => {
    const { fake } = target();
    fake.inject({ fault: { type: 'json', body: { status: 'ok' } }, times: 4 });
    const before = fake.completions;
    const outcome = outcomeOf(await sample(target()));
    expect(outcome).toMatchObject({ status: 'error', attempts: 1, error: { code: 'malformed' } });
    expect(outcome.error?.message).toMatch(new RegExp(`^${name} at http://127\\.0\\.0\\.1:\\d+\\S* answered a streaming request with plain JSON instead of a stream\\. Check the address in Settings`));
    expect(fake.completions - before).toBe(1);
  }, 30_000);
});

describe('a whole answer sent as JSON to a streaming request', () => {
  it.each(['OpenAI', 'Anthropic'])('%s: is reported as JSON instead of a stream, not as a lost connection', async (name) => {
    const target = targets.find((entry) => entry.name === name) as Target;
    target.fake.inject({ fault: { type: 'json' }, times: 4 });
    const outcome = outcomeOf(await sample(target));
    expect(outcome).toMatchObject({ status: 'error', attempts: 1, error: { code: 'malformed' } });
    expect(outcome.error?.message).toMatch(/plain JSON instead of a stream/);
  });

  it('Ollama: reads it, since one JSON answer is a valid one-line stream of its format', async () => {
    const target = targets.find((entry) => entry.name === 'Ollama') as Target;
    target.fake.inject({ fault: { type: 'json' } });
    expect(outcomeOf(await sample(target))).toMatchObject({ status: 'ok', attempts: 1 });
  });
});
