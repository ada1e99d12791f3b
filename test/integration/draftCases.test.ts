// "Draft more cases" end to end: a real workspace, the real OpenAI SDK against the fake provider,
// whose ReplyScript plays the model asked for cases. Checks what the model was asked (the input
// schema, the existing cases, the count), how its answer is read and checked against the schema,
// and the errors a person gets when the key is missing, the provider keeps refusing, or the answer
// is not JSON.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { WorkbenchError } from '../../shared/errors';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { DRAFT_CASES_MARKER } from '../../electron/core/cases/draftCasesRequest';
import { requestTexts, startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

const PROMPT = 'ticket-reply';
const SOURCE = `---
model: openai/gpt-4o
input:
  schema:
    ticket: string, the customer's message
    priority?: integer
---
{{role "user"}}
Answer the ticket ({{priority}}): {{ticket}}
`;

let root: string;
let core: WorkbenchCore;
let openai: FakeProvider;
let answer = '';

const draftRequests = () => openai.requests.filter((request) => requestTexts(request.body).system.includes(DRAFT_CASES_MARKER));
const draft = (input: Record<string, unknown>) => core.api.draftCases(api.methods.draftCases.input.parse({ name: PROMPT, ...input }));
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WorkbenchError);
  return error as WorkbenchError;
};

beforeAll(async () => {
  root = makeTempDir();
  openai = await startFakeProvider({
    kind: 'openai',
    apiKey: 'sk-draft',
    script: ({ system }) => (system.includes(DRAFT_CASES_MARKER) ? answer : undefined),
  });
  core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir, create: true, env: { OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-draft' } });
  const created = await core.api.createPrompt({ name: PROMPT });
  await core.api.savePrompt({ name: PROMPT, source: SOURCE, expectedHash: created.sourceHash });
  await core.api.saveCases({ name: PROMPT, cases: [{ name: 'refund', input: { ticket: 'I want my money back', priority: 2 } }] });
});

afterAll(async () => {
  await core?.close();
  await openai?.close();
  removeDir(root);
});

beforeEach(() => {
  openai.resetStats();
  openai.clearFaults();
});

describe('draftCases', () => {
  it('asks the prompt’s model with the input schema and the existing cases, and reads the cases back', async () => {
    answer = JSON.stringify({
      cases: [
        { name: 'angry customer', input: { ticket: 'This is the third time!', priority: 1 } },
        { name: 'refund', input: { ticket: 'Refund again', priority: 3 } },
        { name: 'bad priority', input: { ticket: 'Hello', priority: 'high' } },
        'not a case',
      ],
    });
    const result = await draft({ count: 3 });

    const [request] = draftRequests();
    expect(draftRequests()).toHaveLength(1);
    expect(request?.body).toMatchObject({ model: 'gpt-4o', response_format: { type: 'json_schema' } });
    const { system, user } = requestTexts(request?.body);
    // The schema as JSON Schema, the count, and the existing case as an example.
    expect(system).toContain('"ticket"');
    expect(system).toContain('"priority"');
    expect(system).toContain('"integer"');
    expect(system).toContain('Write exactly 3 new cases');
    expect(user).toContain('I want my money back');
    expect(user).toContain('Answer the ticket');

    expect(result.model).toBe('openai/gpt-4o');
    expect(result.cases).toEqual([
      { name: 'angry customer', input: { ticket: 'This is the third time!', priority: 1 }, problems: [] },
      // A name taken by an existing case gets a number.
      { name: 'refund 2', input: { ticket: 'Refund again', priority: 3 }, problems: [] },
      { name: 'bad priority', input: { ticket: 'Hello', priority: 'high' }, problems: ['priority: is a string; the schema wants integer or null'] },
    ]);
    expect(result.unreadable).toBe(1);
    expect(result.inputTokens).toBeGreaterThan(0);
    // Nothing was written: the cases file still has its one case.
    expect((await core.api.getPrompt({ name: PROMPT })).cases.map((entry) => entry.name)).toEqual(['refund']);
  });

  it('uses the model asked for, and accepts a fenced bare list', async () => {
    answer = '```json\n[{"name": "short", "input": {"ticket": "Hi"}}]\n```';
    const result = await draft({ model: 'openai/gpt-4o-mini', count: 1 });
    expect(draftRequests()[0]?.body).toMatchObject({ model: 'gpt-4o-mini' });
    expect(result.cases).toEqual([{ name: 'short', input: { ticket: 'Hi' }, problems: [] }]);
  });

  it('says when the answer is not JSON', async () => {
    answer = 'Sure! Here are some cases: first, a refund.';
    const error = await failure(draft({}));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.message).toMatch(/openai\/gpt-4o answered with text that is not JSON, so no case could be read: “Sure! Here are some cases/);
    expect(error.message).toMatch(/Try again, or choose a model that follows JSON instructions/);
  });

  it('says when the provider keeps rate limiting, after retrying', async () => {
    openai.inject({ fault: { type: 'status', status: 429, retryAfterMs: 1 }, times: 4 });
    const error = await failure(draft({}));
    expect(error.code).toBe('PROVIDER_ERROR');
    expect(error.message).toMatch(/^openai\/gpt-4o could not draft cases \(after 4 tries\): .*429/);
    expect(draftRequests()).toHaveLength(4);
  });

  it('says when the key is refused, and when the provider does not exist', async () => {
    openai.inject({ fault: { type: 'status', status: 401 } });
    const refused = await failure(draft({}));
    expect(refused.code).toBe('PROVIDER_ERROR');
    expect(refused.message).toMatch(/key/i);
    const unknown = await failure(draft({ model: 'nowhere/model' }));
    expect(unknown.message).toBe('There is no provider "nowhere" for nowhere/model. Choose another model, or add the provider in Settings.');
  });

  it('refuses a count out of range and an unknown prompt', async () => {
    expect(() => api.methods.draftCases.input.parse({ name: PROMPT, count: 0 })).toThrow(/at least one case/);
    expect(() => api.methods.draftCases.input.parse({ name: PROMPT, count: 21 })).toThrow(/at most 20/);
    const missing = await failure(core.api.draftCases({ name: 'nope', count: 1 }));
    expect(missing.code).toBe('NOT_FOUND');
  });
});
