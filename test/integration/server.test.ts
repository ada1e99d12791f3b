import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type MethodName } from '../../shared/api';
import { httpRoute, methodNames } from '../../shared/contract';
import { contentHash } from '../../electron/core/workspace/contentHash';
import { tagApproval } from '../../electron/core/workspace/approvalTags';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { localEndpoint } from '../../electron/core/dispatch';
import { startServer, type RunningServer } from '../../electron/server/server';
import { makeTempDir, removeDir } from '../support/tempDir';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { starterDir } from '../support/workbenchCli';

// One valid input per method: adding a method to the contract without a case here fails to compile.
// The cases run in contract order on one workspace, so later ones may rely on earlier ones.
// Run methods that need a run id read it when called (a function), after startRun made one.
let startedRunId = '';
let finishedRunId = '';
let finishedSampleId = '';
let finishedOkSampleId = '';
/** A finished run nothing else touches: deleteRun takes it (restoreRun brings it back) while retryFailedSamples runs finishedRunId again. */
let spareRunId = '';
/** The workspace's first commit, which still has extract-contacts (deleted by deletePrompt): rollbackPrompt brings it back. */
let starterCommit = '';
let workspaceDir = '';
/** A file's hash as PromptDetail gives it, read when the case runs. */
const hashOf = (file: string) => contentHash(fs.existsSync(path.join(workspaceDir, 'prompts', file)) ? fs.readFileSync(path.join(workspaceDir, 'prompts', file), 'utf8') : undefined);
const runRequest = { prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0, 1], samples: 2, cases: ['Japan (easy)'] };
const validInputs: Record<MethodName, unknown> = {
  getWorkspace: {},
  listPrompts: {},
  getPrompt: { name: 'ticket-triage' },
  renderPrompt: { name: 'capital-city', case: 'France (easy)' },
  checkPrompt: { name: 'capital-city', source: '---\nmodel: ollama/llama3.2\n---\nHello' },
  savePrompt: { name: 'summarize', source: '---\nmodel: ollama/llama3.2\ninput:\n  schema:\n    document: string\n---\nSummarize: {{document}}\n' },
  saveCases: { name: 'summarize', cases: [{ name: 'tiny', input: { document: 'A short text.' } }] },
  draftCases: { name: 'capital-city', count: 2 },
  listStarters: {},
  createPrompt: { name: 'made-over-http' },
  renamePrompt: { name: 'code-review', newName: 'code-review-renamed' },
  duplicatePrompt: { name: 'capital-city', newName: 'capital-city-copy' },
  deletePrompt: { name: 'extract-contacts' },
  commitPrompt: { name: 'summarize', message: 'Shorter summary prompt' },
  promptHistory: { name: 'summarize' },
  promptAtVersion: { name: 'summarize', ref: 'HEAD~1' },
  diffPrompt: { name: 'summarize', from: 'HEAD~1', to: 'HEAD' },
  restorePrompt: { name: 'summarize', ref: 'HEAD~1' },
  // The draft restorePrompt made goes, and comes back.
  discardDraft: { name: 'summarize' },
  restoreDraft: () => ({
    name: 'summarize',
    draft: { source: '---\nmodel: ollama/llama3.2\n---\nSummarize, put back.\n', casesSource: null },
    expectedSourceHash: hashOf('summarize.prompt'),
    expectedCasesHash: hashOf('summarize.cases.yaml'),
  }),
  getAuthor: {},
  getSettings: {},
  setSetting: { key: 'theme', value: 'dark' },
  listProviders: {},
  checkProvider: { provider: 'ollama' },
  setProviderKey: { provider: 'openai', key: 'sk-test-not-a-real-key' },
  estimateRun: runRequest,
  startRun: runRequest,
  cancelRun: () => ({ runId: startedRunId }),
  resumeRun: () => ({ runId: startedRunId }),
  retryFailedSamples: () => ({ runId: finishedRunId }),
  listRuns: {},
  getRun: () => ({ runId: finishedRunId }),
  getSample: () => ({ sampleId: finishedSampleId }),
  listRunsOverview: {},
  labelRun: () => ({ runId: finishedRunId, label: 'Labelled over HTTP' }),
  pinRun: () => ({ runId: finishedRunId, pinned: true }),
  // Deleted, then restored by the next method.
  deleteRun: () => ({ runId: spareRunId }),
  restoreRun: () => ({ runId: spareRunId }),
  runChecks: () => ({ runId: finishedRunId }),
  sampleChecks: () => ({ sampleId: finishedOkSampleId }),
  judgeRun: () => ({ runId: finishedRunId }),
  judgeCalibration: () => ({ runId: finishedRunId }),
  rateSamples: () => ({ runId: finishedRunId, sampleIds: [finishedOkSampleId], rating: 4 }),
  setSampleNote: () => ({ runId: finishedRunId, sampleId: finishedOkSampleId, note: 'Rated over HTTP' }),
  undoRating: () => ({ runId: finishedRunId }),
  embeddingSimilarity: () => ({ runId: finishedRunId, model: 'ollama/nomic-embed-text', threshold: 0.9 }),
  approveRun: () => ({ runId: finishedRunId, message: 'Approved over HTTP' }),
  rollbackPrompt: () => ({ name: 'extract-contacts', ref: starterCommit }),
  // product-description has two approvals on two commits (beforeAll): v1 comes back as v3.
  rollbackApproval: { name: 'product-description', approval: 'v1', reason: 'v2 misbehaved' },
  taskUsage: { name: 'product-description' },
  runReport: () => ({ runId: finishedRunId }),
  exportRun: () => ({ runId: finishedRunId, format: 'csv' }),
  saveRunFile: () => ({ runId: finishedRunId, format: 'jsonl' }),
  tryOnce: { callId: 'try-over-http', name: 'capital-city', source: 'Name one capital city.', model: 'ollama/llama3.2', temperature: 0 },
  stopTryOnce: { callId: 'try-over-http' },
};
const inputFor = (name: MethodName): unknown => {
  const input = validInputs[name];
  return typeof input === 'function' ? (input as () => unknown)() : input;
};

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser-mode server', () => {
  let root: string;
  let core: WorkbenchCore;
  let server: RunningServer;
  let auth: Record<string, string>;
  let ollama: FakeProvider;

  const call = (name: string, input: unknown, headers: Record<string, string> = {}) =>
    request(server.port, {
      path: httpRoute.method(name),
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth, ...headers },
      body: JSON.stringify(input),
    });

  beforeAll(async () => {
    root = makeTempDir();
    const rendererDir = path.join(root, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Prompt Workbench</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');
    // Samples are slow enough that startRun's run is still going when cancelRun is called.
    ollama = await startFakeProvider({ kind: 'ollama', latencyMs: 300 });
    workspaceDir = path.join(root, 'ws');
    // A home without a Downloads folder: saveRunFile writes into the workspace.
    core = await openCore({ workspaceDir, starterDir: starterDir, create: true, home: root, env: { OLLAMA_HOST: ollama.url } });
    await core.api.setSetting({ key: 'author', value: { name: 'Test Author', email: 'test@example.com' } });
    starterCommit = (await core.workspace.git.head())?.oid ?? '';
    await tagApproval(workspaceDir, 'product-description', starterCommit, { name: 'Test Author', email: 'test@example.com' }, 'Approve\n');
    fs.appendFileSync(path.join(workspaceDir, 'prompts', 'product-description.prompt'), '\nKeep it short.\n');
    await core.api.commitPrompt({ name: 'product-description', message: 'Shorter descriptions' });
    await tagApproval(workspaceDir, 'product-description', (await core.workspace.git.head())?.oid ?? '', { name: 'Test Author', email: 'test@example.com' }, 'Approve again\n');
    // A finished run with one failed sample, for the methods that read or retry one.
    ollama.inject({ fault: { type: 'status', status: 400 } });
    const finished = await core.api.startRun(api.methods.startRun.input.parse({ ...runRequest, temperatures: [0], confirmed: true }));
    await core.runs.finished(finished.runId);
    finishedRunId = finished.runId;
    const finishedSamples = (await core.api.getRun({ runId: finishedRunId })).samples;
    finishedSampleId = finishedSamples[0]?.sampleId ?? '';
    finishedOkSampleId = finishedSamples.find((sample) => sample.status === 'ok')?.sampleId ?? '';
    const spare = await core.api.startRun(api.methods.startRun.input.parse({ ...runRequest, temperatures: [0], samples: 1, confirmed: true }));
    spareRunId = (await core.runs.finished(spare.runId)).runId;
    server = await startServer({ core: localEndpoint(api, core.api, core.events), rendererDir, port: 0 });
    auth = { Host: `127.0.0.1:${server.port}`, Cookie: `workbench_token_${server.port}=${server.token}` };
  });

  afterAll(async () => {
    await server.close();
    await core.close();
    await ollama.close();
    removeDir(root);
  });

  it('prints an address on 127.0.0.1 carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it.each(methodNames(api))('reaches %s over HTTP with valid input', async (name) => {
    const reply = await call(name, inputFor(name));
    expect(reply.status, reply.body).toBe(200);
    const envelope = JSON.parse(reply.body) as { ok: boolean; data: unknown };
    expect(envelope.ok).toBe(true);
    if (name === 'startRun') startedRunId = (envelope.data as { runId: string }).runId;
    expect(api.methods[name].output.safeParse(envelope.data).success).toBe(true);
  });

  it.each(methodNames(api))('answers 400 with the validation message when %s gets input that is not an object', async (name) => {
    const reply = await call(name, ['not', 'an', 'object']);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.any(String) } });
  });

  it('names the offending field in a 400', async () => {
    const reply = await call('setSetting', { key: 'theme', value: 'purple' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.message).toMatch(/^value: /);
    const missing = await call('getPrompt', { name: '' });
    expect(JSON.parse(missing.body).error.message).toMatch(/^name: /);
  });

  it('answers 400 for a body that is not JSON, 404 for an unknown method, 405 for GET on a method', async () => {
    const notJson = await request(server.port, { path: '/api/listPrompts', method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await call('dropDatabase', {})).status).toBe(404);
    expect((await request(server.port, { path: '/api/listPrompts', headers: auth })).status).toBe(405);
  });

  it('returns domain errors as data with an actionable message', async () => {
    const reply = await call('getPrompt', { name: 'no-such-prompt' });
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('no-such-prompt') } });
  });

  it('refuses requests without the token or with a wrong one (401)', async () => {
    const host = { Host: `127.0.0.1:${server.port}` };
    expect((await request(server.port, { path: '/', headers: host })).status).toBe(401);
    expect((await request(server.port, { path: '/?token=wrong', headers: host })).status).toBe(401);
    expect((await request(server.port, { path: '/', headers: { ...host, Cookie: `workbench_token_${server.port}=${'0'.repeat(48)}` } })).status).toBe(401);
    const api401 = await request(server.port, { path: '/api/listPrompts', method: 'POST', headers: { ...host, 'Content-Type': 'application/json' }, body: '{}' });
    expect(api401.status).toBe(401);
    expect(JSON.parse(api401.body).error.code).toBe('UNAUTHORIZED');
  });

  it('serves the app for the token in the query and sets an HttpOnly cookie for later requests', async () => {
    const reply = await request(server.port, { path: `/?token=${server.token}`, headers: { Host: `localhost:${server.port}` } });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Prompt Workbench</title>');
    expect(reply.headers['set-cookie']?.[0]).toMatch(new RegExp(`^workbench_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict`));
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses a foreign Host header (DNS rebinding) with 403 even with the token', async () => {
    const reply = await request(server.port, { path: `/?token=${server.token}`, headers: { Host: 'evil.example' } });
    expect(reply.status).toBe(403);
    const wrongPort = await request(server.port, { path: '/', headers: { ...auth, Host: `127.0.0.1:${server.port + 1}` } });
    expect(wrongPort.status).toBe(403);
  });

  it('refuses API calls from another origin', async () => {
    const reply = await call('listPrompts', {}, { Origin: 'http://evil.example' });
    expect(reply.status).toBe(403);
    expect((await call('listPrompts', {}, { Origin: `http://localhost:${server.port}` })).status).toBe(200);
  });

  it('requires JSON for API calls (so a cross-site form cannot post)', async () => {
    const reply = await request(server.port, { path: '/api/listPrompts', method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(reply.status).toBe(415);
  });

  it('serves files from the renderer folder only', async () => {
    expect((await request(server.port, { path: '/assets/app.js', headers: auth })).headers['content-type']).toContain('javascript');
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const reply = await request(server.port, { path: attempt, headers: auth });
      expect(reply.body).not.toContain('outside the renderer');
    }
    // Client-side routes fall back to the app.
    expect((await request(server.port, { path: '/prompts/x', headers: auth })).body).toContain('Prompt Workbench');
  });

  describe('events over WebSocket', () => {
    const connect = (headers: Record<string, string>) =>
      new WebSocket(`ws://127.0.0.1:${server.port}${httpRoute.events}`, { headers });

    const outcome = (socket: WebSocket) =>
      new Promise<string>((resolve) => {
        socket.once('open', () => resolve('open'));
        socket.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        socket.once('error', (error) => resolve(error.message));
      });

    it('delivers contract events to an authorised page', async () => {
      const socket = connect({ Origin: `http://127.0.0.1:${server.port}`, Cookie: auth.Cookie as string });
      expect(await outcome(socket)).toBe('open');
      const received = new Promise<unknown>((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
      await call('setSetting', { key: 'theme', value: 'light' });
      expect(await received).toMatchObject({ event: 'settingsChanged', payload: { theme: 'light' } });
      socket.close();
    });

    it('tells every page about a rating change made by another', async () => {
      const socket = connect({ Origin: `http://127.0.0.1:${server.port}`, Cookie: auth.Cookie as string });
      expect(await outcome(socket)).toBe('open');
      // Run events may still be flowing; this page waits for the rating one.
      const received = new Promise<unknown>((resolve) =>
        socket.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString()) as { event: string };
          if (message.event === 'ratingsChanged') resolve(message);
        }),
      );
      const reply = await call('rateSamples', { runId: finishedRunId, sampleIds: [finishedOkSampleId], rating: 2 });
      expect(reply.status).toBe(200);
      expect(await received).toEqual({ event: 'ratingsChanged', payload: JSON.parse(reply.body).data });
      expect(await received).toMatchObject({ payload: { runId: finishedRunId, kind: 'rating', ratings: [{ sampleId: finishedOkSampleId, rating: 2 }] } });
      socket.close();
    });

    it('refuses an upgrade from a foreign origin (403), without an origin (403) or without the token (401)', async () => {
      expect(await outcome(connect({ Origin: 'http://evil.example', Cookie: auth.Cookie as string }))).toBe('403');
      expect(await outcome(connect({ Cookie: auth.Cookie as string }))).toBe('403');
      expect(await outcome(connect({ Origin: `http://127.0.0.1:${server.port}` }))).toBe('401');
    });
  });
});
