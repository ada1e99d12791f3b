// Rating, noting and undoing through the core's API on a real workspace and database, with the
// events every window listens to; and similarity by embedding models through the real `openai`
// and `ollama` SDKs against the fake servers (vectors cached in the database).
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import type { RatingChange } from '../../shared/ratings';
import type { RunRequestInput, Sample } from '../../shared/runs';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { providerAccess } from '../../electron/core/providers/providerAccess';
import { sessionSecretStore } from '../../electron/core/providers/secretStore';
import { embeddingSimilarity } from '../../electron/core/similarity/embeddingSimilarity';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

let root: string;
let core: WorkbenchCore;
let openai: FakeProvider;
let ollama: FakeProvider;
const changes: RatingChange[] = [];
const env = () => ({ OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-review', OLLAMA_HOST: ollama.url });

async function finishedRun(input: Partial<RunRequestInput>): Promise<{ runId: string; samples: Sample[] }> {
  const started = await core.api.startRun(
    api.methods.startRun.input.parse({ prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0], samples: 4, cases: ['Japan (easy)'], confirmed: true, ...input }),
  );
  await core.runs.finished(started.runId);
  return { runId: started.runId, samples: (await core.api.getRun({ runId: started.runId })).samples };
}

/** The error a call rejects with, as the transports would send it. */
async function failure(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = (await call.then(
    () => null,
    (reason: unknown) => reason,
  )) as { code?: string; message?: string } | null;
  if (!error) throw new Error('expected the call to fail');
  return { code: error.code ?? 'none', message: error.message ?? '' };
}

const embedRequests = (fake: FakeProvider, route: string) => fake.requests.filter((entry) => entry.path === route);

beforeAll(async () => {
  root = makeTempDir();
  openai = await startFakeProvider({ kind: 'openai', apiKey: 'sk-review' });
  ollama = await startFakeProvider({ kind: 'ollama' });
  core = await openCore({
    workspaceDir: path.join(root, 'ws'),
    starterDir,
    create: true,
    env: env(),
  });
  core.events.onAny((event, payload) => {
    if (event === 'ratingsChanged') changes.push(payload as RatingChange);
  });
});

beforeEach(() => {
  changes.length = 0;
  openai.clearFaults();
  ollama.clearFaults();
});

afterAll(async () => {
  await core.close();
  await openai.close();
  await ollama.close();
  removeDir(root);
});

describe('ratings through the API', () => {
  it('rates, notes and undoes, publishing each change and showing it in the run', async () => {
    const { runId, samples } = await finishedRun({});
    const [a = '', b = '', c = ''] = samples.map((sample) => sample.sampleId);

    await core.api.rateSamples({ runId, sampleIds: [a], rating: 2 });
    const cluster = await core.api.rateSamples({ runId, sampleIds: [a, b, c], rating: 5 });
    expect(cluster).toMatchObject({ kind: 'rating', undoable: 2 });
    await core.api.setSampleNote({ runId, sampleId: b, note: 'Tokyo, as asked.' });

    const detail = await core.api.getRun({ runId });
    expect(detail.output).toBeNull(); // capital-city asks for plain text
    expect(detail.ratings.map((entry) => [entry.sampleId, entry.rating, entry.note])).toEqual([
      [a, 5, null],
      [b, 5, 'Tokyo, as asked.'],
      [c, 5, null],
    ]);

    const undone = await core.api.undoRating({ runId }); // the note
    const again = await core.api.undoRating({ runId }); // the cluster: a back to 2, b and c to nothing
    expect(undone?.ratings).toMatchObject([{ sampleId: b, rating: 5, note: null }]);
    expect(again?.undoable).toBe(1);
    expect((await core.api.getRun({ runId })).ratings.map((entry) => [entry.sampleId, entry.rating])).toEqual([[a, 2]]);

    expect(changes.map((change) => change.kind)).toEqual(['rating', 'rating', 'note', 'undo', 'undo']);
    expect(changes[1]).toEqual(cluster);
    expect(changes.at(-1)).toEqual(again);
  });

  it('answers null for nothing to undo, without an event', async () => {
    const { runId } = await finishedRun({ samples: 1 });
    expect(await core.api.undoRating({ runId })).toBeNull();
    expect(changes).toEqual([]);
  });

  it('refuses a sample of another run or a run that does not exist, with what to do, and publishes nothing', async () => {
    const first = await finishedRun({ samples: 1 });
    const second = await finishedRun({ samples: 1 });
    const foreign = await failure(core.api.rateSamples({ runId: first.runId, sampleIds: [second.samples[0]?.sampleId ?? ''], rating: 3 }));
    expect(foreign).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('belongs to another run') });
    const missing = await failure(core.api.setSampleNote({ runId: 'no-such-run', sampleId: 'x', note: 'hi' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no-such-run') });
    expect(changes).toEqual([]);
  });

  it('carries the declared output format in the run detail', async () => {
    const { runId } = await finishedRun({ prompt: 'ticket-triage', cases: undefined, samples: 1 });
    expect((await core.api.getRun({ runId })).output).toMatchObject({ format: 'json', schema: { properties: { intent: { enum: ['billing', 'bug', 'account', 'feature_request', 'other'] }, escalate: { type: 'boolean' } } } });
  });
});

describe('embedding similarity', () => {
  it('puts identical answers in one cluster with similarity 1, through the ollama SDK, and caches the vectors', async () => {
    const { runId, samples } = await finishedRun({ samples: 5 });
    ollama.resetStats();
    const result = await core.api.embeddingSimilarity({ runId, model: 'ollama/nomic-embed-text', threshold: 0.9 });
    expect(result).toMatchObject({ runId, model: 'ollama/nomic-embed-text', threshold: 0.9 });
    expect(result.cells).toHaveLength(1);
    const [cell] = result.cells;
    expect(cell).toMatchObject({ model: 'ollama/llama3.2', temperature: 0, case: 'Japan (easy)' });
    expect(cell?.meanSimilarity).toBeCloseTo(1, 6);
    expect(cell?.clusters).toEqual([samples.map((sample) => sample.sampleId)]);
    // Five identical answers cost one text in one request.
    const sent = embedRequests(ollama, '/api/embed');
    expect(sent.map((entry) => entry.body)).toEqual([{ model: 'nomic-embed-text', input: [samples[0]?.output] }]);
    expect(core.database.connection.prepare('SELECT count(*) FROM sample_embeddings').pluck().get()).toBeGreaterThanOrEqual(1);

    ollama.resetStats();
    expect(await core.api.embeddingSimilarity({ runId, model: 'ollama/nomic-embed-text', threshold: 0.5 })).toMatchObject({ threshold: 0.5, cells: result.cells });
    expect(embedRequests(ollama, '/api/embed')).toEqual([]);
  });

  it('clusters varied answers by threshold, through the openai SDK', async () => {
    const { runId, samples } = await finishedRun({ models: ['openai/gpt-4o-mini'], temperatures: [0, 2], samples: 12 });
    openai.resetStats();
    const strict = await core.api.embeddingSimilarity({ runId, model: 'openai/text-embedding-3-small', threshold: 1 });
    const [cold, hot] = strict.cells;
    expect(cold?.clusters).toHaveLength(1);
    const distinct = new Set(samples.filter((sample) => sample.temperature === 2).map((sample) => sample.output?.trim().replace(/\s+/g, ' '))).size;
    expect(distinct).toBeGreaterThan(1);
    // At threshold 1 only identical answers share a cluster.
    expect(hot?.clusters).toHaveLength(distinct);
    expect(hot?.meanSimilarity).toBeLessThan(1);
    expect(hot?.clusters.flat().sort()).toEqual(samples.filter((sample) => sample.temperature === 2).map((sample) => sample.sampleId).sort());
    const sent = embedRequests(openai, '/v1/embeddings');
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent[0]?.body).toMatchObject({ model: 'text-embedding-3-small', encoding_format: 'float' });
    expect(sent.flatMap((entry) => (entry.body as { input: string[] }).input)).toHaveLength(distinct + 1);

    openai.resetStats();
    const loose = await core.api.embeddingSimilarity({ runId, model: 'openai/text-embedding-3-small', threshold: 0 });
    expect(loose.cells[1]?.clusters).toHaveLength(1);
    expect(loose.cells[1]?.meanSimilarity).toBe(hot?.meanSimilarity);
    expect(embedRequests(openai, '/v1/embeddings')).toEqual([]);
  });

  it('sends the texts in batches, and keeps the batches that arrived when a later one fails', async () => {
    const { runId, samples } = await finishedRun({ models: ['openai/gpt-4o-mini'], temperatures: [2], samples: 12 });
    const distinct = new Set(samples.map((sample) => sample.output?.trim().replace(/\s+/g, ' '))).size;
    expect(distinct).toBeGreaterThan(4);
    const request = { runId, model: 'openai/text-embedding-3-small', threshold: 0.8 };
    // The service itself, to choose a batch size; the providers are built from the same settings as the core's.
    const providers = providerAccess({ settings: () => core.database.settings.read().providers, env: env(), secrets: sessionSecretStore() });
    const retry = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 5 };
    const deps = { database: core.database, provider: (id: string) => providers.registry().get(id), timeoutMs: 10_000, batchSize: 2, retry };
    openai.resetStats();
    // The first batch is answered (a slow fault answers normally), the second refused on every try.
    openai.inject({ fault: { type: 'slow', delayMs: 1 } }, { fault: { type: 'status', status: 500 }, times: 3 });
    const broken = await failure(embeddingSimilarity(request, deps));
    expect(broken).toMatchObject({ code: 'PROVIDER_ERROR', message: expect.stringContaining('The 2 vectors fetched so far are kept') });
    expect(embedRequests(openai, '/v1/embeddings')).toHaveLength(1 + 3);

    openai.resetStats();
    const result = await embeddingSimilarity(request, { ...deps, batchSize: 4 });
    const inputs = embedRequests(openai, '/v1/embeddings').map((entry) => (entry.body as { input: string[] }).input.length);
    expect(inputs.every((count) => count <= 4)).toBe(true);
    // Only what the failed attempt did not fetch is asked for again.
    expect(inputs.reduce((sum, count) => sum + count, 0)).toBe(distinct - 2);
    expect(result.cells[0]?.clusters.flat()).toHaveLength(12);
  });

  it('gives up on a provider that does not answer within the timeout, saying where to raise it', async () => {
    const { runId } = await finishedRun({ samples: 1 });
    const providers = providerAccess({ settings: () => core.database.settings.read().providers, env: env(), secrets: sessionSecretStore() });
    ollama.inject({ fault: { type: 'stall' } });
    const started = Date.now();
    const stalled = await failure(
      embeddingSimilarity({ runId, model: 'ollama/all-minilm', threshold: 0.9 }, { database: core.database, provider: (id) => providers.registry().get(id), timeoutMs: 300 }),
    );
    expect(stalled).toMatchObject({ code: 'PROVIDER_ERROR', message: 'Ollama did not answer within 300 ms while embedding 1 output. Try again, or raise the timeout in Settings.' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('says what to do when the model or provider cannot embed', async () => {
    const { runId } = await finishedRun({ samples: 2, temperatures: [1] });
    const anthropic = await failure(core.api.embeddingSimilarity({ runId, model: 'anthropic/claude-haiku-4-5', threshold: 0.9 }));
    expect(anthropic).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('Anthropic has no embeddings API; pick an Ollama or OpenAI embedding model') });
    const nowhere = await failure(core.api.embeddingSimilarity({ runId, model: 'nowhere/embedder', threshold: 0.9 }));
    expect(nowhere).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('no provider "nowhere"') });
    const unknown = await failure(core.api.embeddingSimilarity({ runId, model: 'ollama/no-such-embedder', threshold: 0.9 }));
    expect(unknown).toMatchObject({ code: 'PROVIDER_ERROR', message: expect.stringContaining('ollama pull no-such-embedder') });
    const chat = await failure(core.api.embeddingSimilarity({ runId, model: 'ollama/llama3.2', threshold: 0.9 }));
    expect(chat).toMatchObject({ code: 'PROVIDER_ERROR', message: expect.stringContaining('does not support embeddings') });
    const missingRun = await failure(core.api.embeddingSimilarity({ runId: 'no-such-run', model: 'ollama/nomic-embed-text', threshold: 0.9 }));
    expect(missingRun.code).toBe('NOT_FOUND');
  });

  it('tries a refused batch again, honouring Retry-After, and reports a lasting failure with advice', async () => {
    const { runId } = await finishedRun({ models: ['openai/gpt-4o-mini'], samples: 2, temperatures: [1.5] });
    const request = { runId, model: 'openai/text-embedding-3-large', threshold: 0.9 };
    openai.resetStats();
    openai.inject({ fault: { type: 'status', status: 429, retryAfterMs: 300 } });
    const started = Date.now();
    const result = await core.api.embeddingSimilarity(request);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(result.cells[0]?.clusters.flat()).toHaveLength(2);
    expect(embedRequests(openai, '/v1/embeddings')).toHaveLength(2);

    // A later run's outputs, so nothing is cached yet; the server stays busy through every try.
    const later = await finishedRun({ models: ['openai/gpt-4o-mini'], samples: 2, temperatures: [1.2] });
    openai.resetStats();
    openai.inject({ fault: { type: 'status', status: 503 }, times: 3 });
    const busy = await failure(core.api.embeddingSimilarity({ ...request, runId: later.runId }));
    expect(busy).toMatchObject({ code: 'PROVIDER_ERROR', message: expect.stringMatching(/OpenAI had a server error \(503\).*Try again in a moment\./) });
    expect(embedRequests(openai, '/v1/embeddings')).toHaveLength(3);
    const retried = await core.api.embeddingSimilarity({ ...request, runId: later.runId });
    expect(retried.cells[0]?.clusters.flat()).toHaveLength(2);
  });
});
