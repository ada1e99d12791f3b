// Prompts called as tasks (core/tasks): the version is read from git, so the draft never leaks into
// @approved; a rollback by approval changes what @approved sends; input and output are checked
// against the prompt's schemas; recorded calls add up per version. Against the fake OpenAI server,
// whose recorded requests show what was actually sent.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rollbackApproval } from '../../electron/core/approval/rollbackApproval';
import { openWorkspaceDatabase } from '../../electron/core/store/database';
import { openTasks, TaskInputError, TaskOutputError } from '../../electron/core/tasks';
import { tagApproval } from '../../electron/core/workspace/approvalTags';
import { openWorkspace } from '../../electron/core/workspace/workspace';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, startWorkbench } from '../support/workbenchCli';

const author = { name: 'Test Author', email: 'test@example.com' };
const ticket = { subject: 'Charged twice', body: 'Please refund one of the charges.' };

let root: string;
let ws: string;
let openai: FakeProvider;
let env: Record<string, string>;
let v1Commit: string;

const promptFile = () => path.join(ws, 'prompts', 'ticket-triage.prompt');
/** The system text of the last completion request the fake server received. */
const lastSystemText = () => {
  const request = openai.requests.filter((each) => each.path === '/v1/chat/completions').at(-1);
  const messages = (request?.body as { messages: { role: string; content: string }[] }).messages;
  return messages.find((message) => message.role === 'system')?.content ?? '';
};
const commitAndApprove = async (message: string) => {
  gitCli(ws, 'commit', '-q', '-am', message);
  const commit = gitCli(ws, 'rev-parse', 'HEAD').trim();
  await tagApproval(ws, 'ticket-triage', commit, author, `${message}\n`);
  return commit;
};

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  gitCli(ws, 'config', 'user.name', author.name);
  gitCli(ws, 'config', 'user.email', author.email);
  openai = await startFakeProvider({ kind: 'openai', apiKey: 'sk-tasks' });
  env = { OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: 'sk-tasks', HOME: root };
  // The starter names a local model; the approved version calls OpenAI, with a marker in its text.
  const starter = fs.readFileSync(promptFile(), 'utf8');
  fs.writeFileSync(promptFile(), starter.replace('model: ollama/llama3.2', 'model: openai/gpt-4o-mini').replace('You triage', 'APPROVED-ONE. You triage'));
  v1Commit = await commitAndApprove('Triage on OpenAI');
});

afterAll(async () => {
  await openai.close();
  removeDir(root);
});

beforeEach(() => {
  openai.clearFaults();
  openai.resetStats();
  gitCli(ws, 'checkout', '-q', '--', 'prompts');
});

describe('openTasks', () => {
  it('calls the latest approval and returns the parsed output with its version, model, usage and latency', async () => {
    const tasks = await openTasks({ workspace: ws, env });
    const result = await tasks.run('ticket-triage', ticket);
    expect(result.version).toEqual({ commit: v1Commit, tag: 'approved/ticket-triage/v1', asked: 'approved' });
    expect(result.model).toBe('openai/gpt-4o-mini');
    expect(result.temperature).toBe(0.2);
    expect(result.output).toMatchObject({ intent: expect.any(String), escalate: expect.any(Boolean), confidence: expect.any(Number) });
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.costUsd).toBeGreaterThan(0);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(lastSystemText()).toContain('APPROVED-ONE');
    await tasks.close();
  });

  it('sends the approved text however the draft is edited, and the draft only when asked for', async () => {
    fs.writeFileSync(promptFile(), fs.readFileSync(promptFile(), 'utf8').replace('APPROVED-ONE', 'DRAFT-EDIT'));
    const tasks = await openTasks({ workspace: ws, env });
    await tasks.run('ticket-triage', ticket);
    expect(lastSystemText()).toContain('APPROVED-ONE');
    expect(lastSystemText()).not.toContain('DRAFT-EDIT');
    await tasks.get('ticket-triage', { version: 'draft' })(ticket);
    expect(lastSystemText()).toContain('DRAFT-EDIT');
    await tasks.close();
  });

  it('refuses an input that does not fit the input schema before any call', async () => {
    const tasks = await openTasks({ workspace: ws, env });
    const error = await tasks.run('ticket-triage', { subject: 42, body: 'x' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TaskInputError);
    expect((error as TaskInputError).validationErrors.join()).toContain('$.subject');
    expect(openai.completions).toBe(0);
    await tasks.close();
  });

  it('asks again when an answer does not fit the output schema, then reports it with the raw answer', async () => {
    const tasks = await openTasks({ workspace: ws, env, schemaRetries: 2 });
    openai.inject({ fault: { type: 'reply', text: '{"intent": "weather"}' }, times: 1 });
    const retried = await tasks.run('ticket-triage', ticket);
    expect(retried.attempts).toBe(2);
    expect(openai.completions).toBe(2);

    openai.resetStats();
    openai.inject({ fault: { type: 'reply', text: 'Sure! It is billing.' }, times: 3 });
    const error = await tasks.run('ticket-triage', ticket).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(TaskOutputError);
    expect(error).toMatchObject({ rawOutput: 'Sure! It is billing.', attempts: 3, code: 'OUTPUT_INVALID' });
    expect(openai.completions).toBe(3);
    await tasks.close();
  });

  it('a rollback to v1 is what @approved sends from the next call, without rewriting history', async () => {
    fs.writeFileSync(promptFile(), fs.readFileSync(promptFile(), 'utf8').replace('APPROVED-ONE', 'APPROVED-TWO'));
    const v2Commit = await commitAndApprove('Second wording');
    const tasks = await openTasks({ workspace: ws, env });
    expect((await tasks.run('ticket-triage', ticket)).version.tag).toBe('approved/ticket-triage/v2');
    expect(lastSystemText()).toContain('APPROVED-TWO');

    const workspace = await openWorkspace({ workspaceDir: ws, starterDir: '' });
    const rolled = await rollbackApproval(workspace, { name: 'ticket-triage', approval: 'v1', reason: 'v2 escalates everything' }, author);
    expect(rolled).toEqual({ tag: 'approved/ticket-triage/v3', commit: v1Commit, from: 'approved/ticket-triage/v2', to: 'approved/ticket-triage/v1' });
    const result = await tasks.run('ticket-triage', ticket);
    expect(result.version).toEqual({ commit: v1Commit, tag: 'approved/ticket-triage/v3', asked: 'approved' });
    expect(lastSystemText()).toContain('APPROVED-ONE');
    // v2 is still there to call, and HEAD did not move.
    expect((await tasks.run('ticket-triage', ticket, { version: 'v2' })).version.commit).toBe(v2Commit);
    expect(gitCli(ws, 'rev-parse', 'HEAD').trim()).toBe(v2Commit);
    expect(gitCli(ws, 'tag', '-l', '-n9', 'approved/ticket-triage/v3')).toContain('v2 escalates everything');
    await tasks.close();
  });

  it('records calls when asked, and sums them per version', async () => {
    const tasks = await openTasks({ workspace: ws, env, record: true, schemaRetries: 0 });
    await tasks.run('ticket-triage', ticket);
    await tasks.run('ticket-triage', ticket);
    openai.inject({ fault: { type: 'reply', text: 'not json' }, times: 1 });
    await expect(tasks.run('ticket-triage', ticket)).rejects.toBeInstanceOf(TaskOutputError);
    await tasks.close();

    const database = openWorkspaceDatabase(path.join(ws, '.workbench', 'workbench.db'));
    try {
      const [usage] = database.taskCalls.usage('ticket-triage');
      expect(usage).toMatchObject({ commit: v1Commit, tags: ['approved/ticket-triage/v3'], calls: 3, ok: 2, schemaFailures: 1, callFailures: 0, models: ['openai/gpt-4o-mini'] });
      expect(usage?.p50LatencyMs).not.toBeNull();
      expect(usage?.costUsd).toBeGreaterThan(0);
      // The starter's one check (the answer fits the schema) was given its verdict on each call.
      expect(usage).toMatchObject({ checksPassed: 2, checksFailed: 1 });
    } finally {
      database.close();
    }
  });
});

// Each case starts `workbench` processes, which a busy machine makes slow to start.
describe('workbench call', { timeout: 60_000 }, () => {
  const call = (args: string[]) => startWorkbench(['call', ...args, '--workspace', ws], env).done;

  it('prints the output of the approved version, exits 0, and with --record records the call', async () => {
    const result = await call(['ticket-triage', '--input', JSON.stringify(ticket), '--json', '--record']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as { output: { intent: string }; version: { tag: string } };
    expect(printed.version.tag).toBe('approved/ticket-triage/v3');
    expect(typeof printed.output.intent).toBe('string');
    const database = openWorkspaceDatabase(path.join(ws, '.workbench', 'workbench.db'));
    try {
      // The runtime's three calls (the test above) and this one.
      expect(database.taskCalls.usage('ticket-triage')[0]).toMatchObject({ commit: v1Commit, calls: 4 });
    } finally {
      database.close();
    }
  });

  it('exits 2 for an input that does not fit (before any call) and for a version that does not exist', async () => {
    const bad = await call(['ticket-triage@v1', '--input', '{"subject": 1, "body": "x"}']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/\$\.subject/);
    expect(openai.completions).toBe(0);
    const unknown = await call(['ticket-triage@v9', '--input', JSON.stringify(ticket)]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no approval v9\. Its approvals: v1, v2, v3/);
  });

  it('exits 1 with the raw answer when no answer fits the output schema', async () => {
    openai.inject({ fault: { type: 'reply', text: 'I cannot decide.' }, times: 2 });
    const result = await call(['ticket-triage@approved', '--input', JSON.stringify(ticket), '--schema-retries', '1']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/did not fit its output schema on any of 2 tries/);
    expect(result.stderr).toContain('I cannot decide.');
  });

  it('workbench rollback makes an earlier approval the one @approved calls, and needs a reason', async () => {
    const noReason = startWorkbench(['rollback', 'ticket-triage', 'v2', '--workspace', ws], env);
    expect((await noReason.done).status).toBe(2);
    const v2Commit = gitCli(ws, 'rev-parse', 'approved/ticket-triage/v2^{commit}').trim();
    const rolled = await startWorkbench(['rollback', 'ticket-triage', 'v2', '-m', 'v1 was too cautious', '--workspace', ws], { ...env, GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email }).done;
    expect(rolled.stderr).toBe('');
    expect(rolled.status).toBe(0);
    expect(rolled.stdout).toMatch(/from approved\/ticket-triage\/v3 to approved\/ticket-triage\/v2: approved\/ticket-triage\/v4/);
    const result = await call(['ticket-triage', '--input', JSON.stringify(ticket), '--json']);
    expect(JSON.parse(result.stdout).version).toEqual({ commit: v2Commit, tag: 'approved/ticket-triage/v4', asked: 'approved' });
    expect(lastSystemText()).toContain('APPROVED-TWO');
  }, 60_000);
});
