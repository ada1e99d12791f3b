// Try once end to end in the core: the editor's unsaved text rendered and sent through the real
// SDKs to the fake providers, its streamed text arriving as `tryOnce` events in order, then the
// answer with tokens and cost; faults (a refused key, a rate limit) as clear failures; Stop
// aborting the request; and nothing written to the runs table.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchError } from '../../shared/errors';
import { ProviderSettings } from '../../shared/providers';
import type { TryOnceEvent, TryOnceRequest } from '../../shared/tryOnce';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { requestTexts, startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

const PROMPT = 'capital-city';
/** Unsaved: the file on disk says something else. */
const DRAFT = '---\ninput:\n  schema:\n    country: string\n---\n{{role "user"}}\nWhich city is the capital of {{country}}? Answer briefly.\n';
const REPLY = 'The capital of that country is a city of many bridges and old squares.';

let root: string;
let core: WorkbenchCore;
let openai: FakeProvider;
let anthropic: FakeProvider;
let ollama: FakeProvider;
const events: TryOnceEvent[] = [];
let next = 0;

beforeAll(async () => {
  root = makeTempDir();
  [openai, anthropic, ollama] = await Promise.all([
    startFakeProvider({ kind: 'openai', apiKey: 'sk-try' }),
    startFakeProvider({ kind: 'anthropic', apiKey: 'sk-ant-try' }),
    startFakeProvider({ kind: 'ollama' }),
  ]);
  core = await openCore({
    workspaceDir: path.join(root, 'ws'),
    starterDir,
    create: true,
    env: { OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-try', ANTHROPIC_BASE_URL: anthropic.url, ANTHROPIC_API_KEY: 'sk-ant-try', OLLAMA_HOST: ollama.url },
  });
  core.events.on('tryOnce', (event) => events.push(event));
});

afterAll(async () => {
  await core?.close();
  await Promise.all([openai?.close(), anthropic?.close(), ollama?.close()]);
  removeDir(root);
});

function request(overrides: Partial<TryOnceRequest> = {}): TryOnceRequest {
  return { callId: `call-${++next}`, name: PROMPT, source: DRAFT, input: { country: 'Hungary' }, model: 'openai/gpt-4o-mini', temperature: 0.7, ...overrides };
}

/** Starts a call and resolves with its events once it has ended. */
async function tryAndWait(tryOnce: TryOnceRequest): Promise<TryOnceEvent[]> {
  await core.api.tryOnce(tryOnce);
  await expect.poll(() => events.some((event) => event.callId === tryOnce.callId && event.kind !== 'text'), { timeout: 10_000 }).toBe(true);
  return events.filter((event) => event.callId === tryOnce.callId);
}

const texts = (list: TryOnceEvent[]) => list.flatMap((event) => (event.kind === 'text' ? [event.text] : []));
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('Try once', () => {
  it('streams the unsaved text’s answer in order, then its tokens and cost', async () => {
    // One SSE event every 30 ms: the text arrives over several of Try once's events.
    openai.inject({ fault: { type: 'steady', intervalMs: 30, text: REPLY } });
    const tryOnce = request();
    const seen = await tryAndWait(tryOnce);

    expect(texts(seen).length).toBeGreaterThan(1);
    expect(texts(seen).join('')).toBe(REPLY);
    const last = seen.at(-1);
    expect(last?.kind).toBe('done');
    if (last?.kind !== 'done') return;
    expect(last.answer.output).toBe(REPLY);
    expect(last.answer.finishReason).toBe('stop');
    expect(last.answer.outputTokens).toBe(words(REPLY));
    const sentText = 'Which city is the capital of Hungary? Answer briefly.';
    expect(last.answer.inputTokens).toBe(words(sentText));
    // gpt-4o-mini: $0.15 in, $0.60 out per million tokens.
    expect(last.answer.costUsd).toBeCloseTo((words(sentText) * 0.15 + words(REPLY) * 0.6) / 1e6, 12);
    expect(last.answer.ttftMs).not.toBeNull();

    const sent = openai.requests.at(-1);
    expect(sent?.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0.7, stream: true });
    // Dotprompt keeps the line break after {{role}}; the words are the draft's.
    expect(requestTexts(sent?.body).user.trim()).toBe(sentText);
  });

  it('streams from Anthropic and Ollama as well', async () => {
    for (const model of ['anthropic/claude-haiku-4-5', 'ollama/llama3.2']) {
      const fake = model.startsWith('anthropic') ? anthropic : ollama;
      fake.inject({ fault: { type: 'steady', intervalMs: 20, text: REPLY } });
      const seen = await tryAndWait(request({ model, temperature: 0.5 }));
      const last = seen.at(-1);
      expect(last?.kind, model).toBe('done');
      expect(texts(seen).length, model).toBeGreaterThan(1);
      expect(texts(seen).join(''), model).toBe(REPLY);
      expect(last?.kind === 'done' && last.answer.output, model).toBe(REPLY);
    }
  });

  it('takes the input from a case of the cases file', async () => {
    openai.inject({ fault: { type: 'reply', text: 'Tokyo.' } });
    const seen = await tryAndWait(request({ case: 'Japan (easy)', input: undefined }));
    expect(seen.at(-1)).toMatchObject({ kind: 'done', answer: { output: 'Tokyo.' } });
    expect(requestTexts(openai.requests.at(-1)?.body).user.trim()).toBe('Which city is the capital of Japan? Answer briefly.');
  });

  it('says what to do when the key is refused', async () => {
    openai.inject({ fault: { type: 'status', status: 401 } });
    const seen = await tryAndWait(request());
    expect(seen).toEqual([
      { callId: seen[0]?.callId, kind: 'failed', reason: 'auth', message: 'OpenAI rejected the API key (401). Check OPENAI_API_KEY or the key in Settings.' },
    ]);
  });

  it('says to wait when rate limited, without retrying by itself', async () => {
    openai.resetStats();
    openai.inject({ fault: { type: 'status', status: 429, retryAfterSeconds: 3 } });
    const seen = await tryAndWait(request());
    const last = seen.at(-1);
    expect(last).toMatchObject({ kind: 'failed', reason: 'rate_limit' });
    expect(last?.kind === 'failed' && last.message).toMatch(/limiting the request rate \(429\); it asks to wait 3 s.*Wait a moment, then try again\.$/);
    expect(openai.completions).toBe(1);
  });

  it('gives up on silence after the timeout in Settings, and says which', async () => {
    const providers = ProviderSettings.parse((await core.api.getSettings({})).providers);
    await core.api.setSetting({ key: 'providers', value: { ...providers, timeoutSeconds: 1 } });
    try {
      // Headers and the first piece, then nothing.
      openai.inject({ fault: { type: 'stall' } });
      const seen = await tryAndWait(request());
      expect(seen.at(-1)).toMatchObject({
        kind: 'failed',
        reason: 'timeout',
        message:
          'OpenAI sent nothing for 1 s (the silence timeout in Settings). Try again, or raise "Silence timeout per call" under Settings → Runs if the model is slow to start (a local model loading).',
      });
    } finally {
      await core.api.setSetting({ key: 'providers', value: providers });
    }
  });

  it('refuses before any request what cannot be sent', async () => {
    openai.resetStats();
    const refusal = async (tryOnce: TryOnceRequest) => core.api.tryOnce(tryOnce).then(() => null, (error: unknown) => error as WorkbenchError);

    const missing = await refusal(request({ input: {} }));
    expect(missing?.code).toBe('MISSING_VARIABLES');
    expect(missing?.message).toMatch(/missing "country"/);
    expect((await refusal(request({ model: 'mistral/large' })))?.message).toMatch(/There is no provider "mistral"/);
    expect((await refusal(request({ model: 'anthropic/claude-haiku-4-5', temperature: 1.5 })))?.message).toMatch(/Anthropic takes 0–1\. Choose a value it takes\./);
    expect((await refusal(request({ case: 'Atlantis' })))?.message).toMatch(/no case named "Atlantis"/);
    expect(openai.completions).toBe(0);
  });

  it('stops the request when asked, and keeps nothing', async () => {
    openai.inject({ fault: { type: 'steady', intervalMs: 150, text: `${REPLY} ${REPLY} ${REPLY}` } });
    const tryOnce = request();
    await core.api.tryOnce(tryOnce);
    await expect.poll(() => events.some((event) => event.callId === tryOnce.callId && event.kind === 'text'), { timeout: 10_000 }).toBe(true);
    expect(await core.api.stopTryOnce({ callId: tryOnce.callId })).toEqual({ stopped: true });
    await expect.poll(() => events.filter((event) => event.callId === tryOnce.callId).at(-1)?.kind).toBe('failed');
    expect(events.filter((event) => event.callId === tryOnce.callId).at(-1)).toMatchObject({ reason: 'cancelled', message: 'Stopped before the answer finished.' });
    // The request itself was aborted: the fake sees its connection close.
    await expect.poll(() => openai.inFlight).toBe(0);
    expect(await core.api.stopTryOnce({ callId: tryOnce.callId })).toEqual({ stopped: false });
    expect(core.database.connection.prepare('SELECT COUNT(*) AS runs FROM runs').get()).toEqual({ runs: 0 });
  });
});
