// Approving runs, and rolling back, through the core's API on a real workspace and database with
// runs against a fake Ollama; what lands in git is checked with the ordinary git command.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import type { RunRequestInput } from '../../shared/runs';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { commitPromptNow, withCommitLock } from '../../electron/core/workspace/promptCommit';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

let root: string;
let ws: string;
let core: WorkbenchCore;
let ollama: FakeProvider;
const promptFile = () => path.join(ws, 'prompts', 'capital-city.prompt');

async function finishedRun(input: Partial<RunRequestInput> = {}): Promise<string> {
  const started = await core.api.startRun(
    api.methods.startRun.input.parse({ prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0, 1], samples: 3, cases: ['Japan (easy)'], confirmed: true, ...input }),
  );
  await core.runs.finished(started.runId);
  return started.runId;
}

/** Rates the run's first samples with the given ratings, one change each. */
async function rate(runId: string, ratings: number[]): Promise<void> {
  const samples = (await core.api.getRun({ runId })).samples;
  for (const [i, rating] of ratings.entries()) await core.api.rateSamples({ runId, sampleIds: [samples[i]?.sampleId ?? ''], rating });
}

async function failure(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = (await call.then(
    () => null,
    (reason: unknown) => reason,
  )) as { code?: string; message?: string } | null;
  if (!error) throw new Error('expected the call to fail');
  return { code: error.code ?? 'none', message: error.message ?? '' };
}

/** `git interpret-trailers --parse` of a commit's message: what any git tooling reads. */
function gitTrailers(ref: string): string[] {
  const message = gitCli(ws, 'log', '-1', '--format=%B', ref);
  return execFileSync('git', ['interpret-trailers', '--parse'], { input: message, encoding: 'utf8' }).trim().split('\n');
}

/** The trailers of an annotated tag's message, as git parses them. */
function tagTrailers(tag: string): string[] {
  const message = gitCli(ws, 'for-each-ref', '--format=%(contents)', `refs/tags/${tag}`);
  return execFileSync('git', ['interpret-trailers', '--parse'], { input: message, encoding: 'utf8' }).trim().split('\n');
}

const commitCount = () => Number(gitCli(ws, 'rev-list', '--count', 'HEAD').trim());
const approvalTags = () => gitCli(ws, 'tag', '-l', 'approved/*').trim().split('\n').filter(Boolean);

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  ollama = await startFakeProvider({ kind: 'ollama' });
  core = await openCore({ workspaceDir: ws, starterDir, create: true, env: { OLLAMA_HOST: ollama.url } });
  await core.api.setSetting({ key: 'author', value: { name: 'Ada Lovelace', email: 'ada@example.com' } });
});

afterAll(async () => {
  await core.close();
  await ollama.close();
  removeDir(root);
});

// The tests build on each other: approvals v1 and v2 of capital-city, then the guards, then rollback.
describe('approveRun', () => {
  let firstRun = '';
  let sameTextRun = '';
  let otherTextRun = '';

  it('commits the draft with the evidence as trailers git reads, tags it v1, and links the draft runs of that text', async () => {
    const original = fs.readFileSync(promptFile(), 'utf8');
    fs.writeFileSync(promptFile(), original.replace('exactly one word', 'exactly one word, capitalised'));
    otherTextRun = await finishedRun({ samples: 1, temperatures: [0] });
    fs.writeFileSync(promptFile(), original.replace('exactly one word', 'one word only'));
    firstRun = await finishedRun();
    sameTextRun = await finishedRun({ samples: 1, temperatures: [0] });
    await rate(firstRun, [4, 5, 3]);
    // The fake answers in sentences: two right answers, so the pass rate under the checks is 2/6.
    const [one, two] = (await core.api.getRun({ runId: firstRun })).samples;
    for (const sample of [one, two]) core.database.connection.prepare('UPDATE samples SET output = ? WHERE id = ?').run('Tokyo', sample?.sampleId);
    fs.appendFileSync(path.join(ws, 'prompts', 'summarize.prompt'), '\nAn unrelated draft.\n');
    const before = commitCount();
    const events: string[] = [];
    const stop = core.events.onAny((event) => events.push(event));

    const approved = await core.api.approveRun({ runId: firstRun, message: 'Ask for one word only', confirmed: false });
    stop();
    // Every window reloads its history (the tag is not something the repository watcher sees).
    expect(events).toContain('repositoryChanged');

    expect(commitCount()).toBe(before + 1);
    const head = gitCli(ws, 'rev-parse', 'HEAD').trim();
    expect(approved.version).toMatchObject({ oid: head, summary: 'Ask for one word only' });
    expect(gitCli(ws, 'show', 'HEAD', '--name-only', '--format=').trim()).toBe('prompts/capital-city.prompt');
    expect(gitCli(ws, 'status', '--porcelain')).toBe(' M prompts/summarize.prompt\n');

    const detail = await core.api.getRun({ runId: firstRun });
    const consistency = approved.version.approval?.consistency;
    expect(consistency).toBeGreaterThan(0);
    expect(gitCli(ws, 'log', '-1', '--format=%B')).toBe(
      `Ask for one word only\n\nWorkbench-Run: ${firstRun}\nWorkbench-Models: ollama/llama3.2\nWorkbench-Temperatures: 0, 1\nWorkbench-Samples: ${detail.summary.total}\n` +
        // capital-city has checks: 2 of 6 passed; Wilson's 95% bounds for 2/6 are 0.0968 and 0.7000.
        `Workbench-Rating: 4.00 (n=3)\nWorkbench-Consistency: ${consistency?.toFixed(2)}\nWorkbench-Pass-Rate: 0.33 [0.10, 0.70] (n=6)\n\n`,
    );
    expect(detail.summary.total).toBe(6);
    expect(gitTrailers('HEAD')).toEqual([
      `Workbench-Run: ${firstRun}`,
      'Workbench-Models: ollama/llama3.2',
      'Workbench-Temperatures: 0, 1',
      'Workbench-Samples: 6',
      'Workbench-Rating: 4.00 (n=3)',
      `Workbench-Consistency: ${consistency?.toFixed(2)}`,
      'Workbench-Pass-Rate: 0.33 [0.10, 0.70] (n=6)',
    ]);

    expect(approved.tag).toBe('approved/capital-city/v1');
    expect(approvalTags()).toEqual(['approved/capital-city/v1']);
    // Annotated: it carries the approver and the message.
    expect(gitCli(ws, 'cat-file', '-t', 'approved/capital-city/v1').trim()).toBe('tag');
    expect(gitCli(ws, 'rev-parse', 'approved/capital-city/v1^{commit}').trim()).toBe(head);
    expect(gitCli(ws, 'for-each-ref', '--format=%(taggername) %(contents:subject)', 'refs/tags/approved/capital-city/v1').trim()).toBe('Ada Lovelace Ask for one word only');

    expect(approved.version.approval).toEqual({
      runId: firstRun,
      models: ['ollama/llama3.2'],
      temperatures: [0, 1],
      samples: 6,
      rating: 4,
      rated: 3,
      consistency: Number(consistency?.toFixed(2)),
      passRate: { rate: 0.33, low: 0.1, high: 0.7, n: 6 },
      tag: 'approved/capital-city/v1',
      message: 'Ask for one word only',
    });
    expect(approved.committed).toBe(true);
    expect([...approved.linkedRuns].sort()).toEqual([firstRun, sameTextRun].sort());
    const byCommit = await core.api.listRuns({ prompt: 'capital-city', commit: head, limit: 200 });
    expect(byCommit.map((run) => run.runId).sort()).toEqual([firstRun, sameTextRun].sort());
    expect(byCommit.every((run) => run.commit === head)).toBe(true);
    expect((await core.api.getRun({ runId: otherTextRun })).summary.commit).toBeNull();
    expect(await core.api.listRuns({ commit: head, limit: 200 })).toHaveLength(2);
  });

  it('approves an already committed version with an annotated tag on it: no new commit, its description intact; history shows both approvals', async () => {
    await rate(sameTextRun, [2]);
    const head = gitCli(ws, 'rev-parse', 'HEAD').trim();
    const before = commitCount();

    const approved = await core.api.approveRun({ runId: sameTextRun, message: 'Approve again after more rating', confirmed: false });

    expect(approved).toMatchObject({ tag: 'approved/capital-city/v2', committed: false, linkedRuns: [sameTextRun] });
    expect(commitCount()).toBe(before);
    expect(gitCli(ws, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(approvalTags()).toEqual(['approved/capital-city/v1', 'approved/capital-city/v2']);
    expect(gitCli(ws, 'cat-file', '-t', 'approved/capital-city/v2').trim()).toBe('tag');
    expect(gitCli(ws, 'rev-parse', 'approved/capital-city/v2^{commit}').trim()).toBe(head);
    // The tag's message carries the evidence as the trailers git reads, the version keeps its own.
    expect(tagTrailers('approved/capital-city/v2')).toEqual(expect.arrayContaining([`Workbench-Run: ${sameTextRun}`, 'Workbench-Samples: 1', 'Workbench-Rating: 2.00 (n=1)']));
    expect(gitCli(ws, 'for-each-ref', '--format=%(taggername) %(contents:subject)', 'refs/tags/approved/capital-city/v2').trim()).toBe('Ada Lovelace Approve again after more rating');
    expect(gitCli(ws, 'log', '-1', '--format=%s', head).trim()).toBe('Ask for one word only');
    expect(approved.version).toMatchObject({ oid: head, summary: 'Ask for one word only' });
    expect(approved.version.approval).toMatchObject({ runId: sameTextRun, rating: 2, rated: 1, tag: 'approved/capital-city/v2', message: 'Approve again after more rating' });

    const history = await core.api.promptHistory({ name: 'capital-city' });
    expect(history.map((version) => [version.summary, version.approvals?.map((approval) => approval.tag)])).toEqual([
      ['Ask for one word only', ['approved/capital-city/v2', 'approved/capital-city/v1']],
      ['Add starter prompts', []],
    ]);
    expect(history[0]?.approval).toMatchObject({ runId: sameTextRun, tag: 'approved/capital-city/v2' });
    expect(history[0]?.approvals?.[1]).toMatchObject({ runId: firstRun, rating: 4, rated: 3, message: 'Ask for one word only' });
    const approvedOnly = await core.api.promptHistory({ name: 'capital-city', approvedOnly: true });
    expect(approvedOnly.flatMap((version) => version.approvals?.map((approval) => approval.runId))).toEqual([sameTextRun, firstRun]);
    expect(await core.api.promptHistory({ name: 'capital-city', approvedOnly: true, limit: 1 })).toEqual(approvedOnly.slice(0, 1));
    // Other prompts' histories do not show capital-city's approvals.
    expect((await core.api.promptHistory({ name: 'ticket-triage' })).map((version) => version.summary)).toEqual(['Add starter prompts']);
  });

  it('refuses a run whose prompt changed since, saying why and what to do, and commits nothing', async () => {
    const before = commitCount();
    const stale = await failure(core.api.approveRun({ runId: otherTextRun, message: 'Stale', confirmed: true }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe(
      `The prompt changed since run ${otherTextRun} (it ran a draft; prompts/capital-city.prompt differs from that text now). ` +
        'Run it again on the current text, or restore the version that was run, before approving.',
    );

    const onCommit = await finishedRun({ ref: 'HEAD', samples: 1, temperatures: [0] });
    fs.appendFileSync(promptFile(), '\nA new draft line.\n');
    const changed = await failure(core.api.approveRun({ runId: onCommit, message: 'Changed', confirmed: true }));
    expect(changed).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`it ran the text of commit ${gitCli(ws, 'rev-parse', '--short=7', 'HEAD').trim()}`) });
    gitCli(ws, 'checkout', '--', 'prompts/capital-city.prompt');

    // The cases are part of what is approved: the commit carries them, the evidence was measured on them.
    const casesFile = path.join(ws, 'prompts', 'capital-city.cases.yaml');
    const cases = fs.readFileSync(casesFile, 'utf8');
    fs.appendFileSync(casesFile, '- name: Added later\n  input: { country: Peru }\n');
    const newCases = await failure(core.api.approveRun({ runId: onCommit, message: 'New cases', confirmed: true }));
    expect(newCases).toMatchObject({
      code: 'CONFLICT',
      message: `The test cases changed since run ${onCommit} (prompts/capital-city.cases.yaml differs from the cases it ran). Run it again on the current cases, or put the cases back as they were, before approving.`,
    });
    fs.unlinkSync(casesFile);
    expect(await failure(core.api.approveRun({ runId: onCommit, message: 'No cases', confirmed: true }))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('prompts/capital-city.cases.yaml no longer exists'),
    });
    fs.writeFileSync(casesFile, cases);

    // A run still going has no complete evidence yet.
    ollama.inject({ fault: { type: 'slow', delayMs: 5000 } });
    const started = await core.api.startRun(
      api.methods.startRun.input.parse({ prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0], samples: 1, cases: ['Japan (easy)'], confirmed: true }),
    );
    const running = await failure(core.api.approveRun({ runId: started.runId, message: 'Too early', confirmed: true }));
    expect(running).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`Run ${started.runId} is still running`) });
    await core.api.cancelRun({ runId: started.runId });
    await core.runs.finished(started.runId);
    ollama.clearFaults(); // in case the cancel came before the call took the fault

    expect(commitCount()).toBe(before);
    expect(approvalTags()).toHaveLength(2);
  });

  it('asks for confirmation when nothing is rated; confirmed, it approves with "none (n=0)" (a run on a commit whose text is the draft)', async () => {
    const onCommit = await finishedRun({ ref: 'HEAD', samples: 2, temperatures: [0] });
    const before = commitCount();

    const unconfirmed = await failure(core.api.approveRun({ runId: onCommit, message: 'Unrated', confirmed: false }));
    expect(unconfirmed.code).toBe('CONFIRMATION_REQUIRED');
    expect(unconfirmed.message).toMatch(new RegExp(`No sample of run ${onCommit} is rated.*confirm to approve it without ratings`));
    expect(commitCount()).toBe(before);

    const approved = await core.api.approveRun(api.methods.approveRun.input.parse({ runId: onCommit, message: 'Unrated but fine', confirmed: true }));
    expect(approved.tag).toBe('approved/capital-city/v3');
    expect(commitCount()).toBe(before);
    expect(tagTrailers('approved/capital-city/v3')).toEqual(expect.arrayContaining(['Workbench-Samples: 2', 'Workbench-Rating: none (n=0)', 'Workbench-Consistency: 1.00']));
    expect(approved.version.approval).toMatchObject({ rating: null, rated: 0, consistency: 1 });
  });

  it('commits nothing when the file no longer holds the text run by the time it is committed (an editor saved in between)', async () => {
    const before = commitCount();
    fs.appendFileSync(promptFile(), '\nSaved by an editor.\n');
    const raced = await failure(
      withCommitLock(ws, (index) => commitPromptNow(core.workspace, index, 'capital-city', 'Raced', { name: 'A', email: 'a@example.com' }, { allowUnchanged: true, expectedPromptHash: 'the-hash-that-was-run' })),
    );
    expect(raced).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('prompts/capital-city.prompt changed on disk while it was being committed; nothing was committed') });
    gitCli(ws, 'checkout', '--', 'prompts/capital-city.prompt');
    const casesRaced = await failure(
      withCommitLock(ws, (index) => commitPromptNow(core.workspace, index, 'capital-city', 'Raced', { name: 'A', email: 'a@example.com' }, { allowUnchanged: true, expectedCasesHash: 'the-cases-that-were-run' })),
    );
    expect(casesRaced).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('prompts/capital-city.cases.yaml changed on disk while it was being committed') });
    expect(commitCount()).toBe(before);
  });

  it('reads an approval written the older way too: a commit of its own with the trailers, and a tag without them', async () => {
    const message = `Approved before tags carried evidence\n\nWorkbench-Run: r-older\nWorkbench-Models: ollama/llama3.2\nWorkbench-Temperatures: 0.7\nWorkbench-Samples: 30\nWorkbench-Rating: 3.50 (n=10)\nWorkbench-Consistency: 0.80\n`;
    gitCli(ws, '-c', 'user.name=Bob Git', '-c', 'user.email=bob@example.com', 'commit', '-q', '--allow-empty', '-m', message);
    gitCli(ws, 'tag', 'approved/capital-city/v9');

    const [latest] = await core.api.promptHistory({ name: 'capital-city', approvedOnly: true, limit: 1 });
    expect(latest).toMatchObject({ summary: 'Approved before tags carried evidence', oid: gitCli(ws, 'rev-parse', 'HEAD').trim() });
    expect(latest?.approvals).toEqual([
      { runId: 'r-older', models: ['ollama/llama3.2'], temperatures: [0.7], samples: 30, rating: 3.5, rated: 10, consistency: 0.8, tag: 'approved/capital-city/v9', message: 'Approved before tags carried evidence' },
    ]);
  });

  it('names the approvals resting on a run in its report, made as a commit or as a tag', async () => {
    const version = gitCli(ws, 'rev-parse', '--short=7', 'approved/capital-city/v1^{commit}').trim();
    expect((await core.api.runReport({ runId: firstRun })).html).toContain(`<dt>Approved as</dt><dd>approved/capital-city/v1 (commit ${version})</dd>`);
    expect((await core.api.runReport({ runId: sameTextRun })).html).toContain(`<dt>Approved as</dt><dd>approved/capital-city/v2 (commit ${version})</dd>`);
    const compared = await core.api.runReport({ runId: sameTextRun, compareRunId: firstRun });
    expect(compared.html).toContain(`<tr><th>Approved as</th><td>approved/capital-city/v1 (commit ${version})</td><td>approved/capital-city/v2 (commit ${version})</td></tr>`);
  });

  it('says which run is missing', async () => {
    expect(await failure(core.api.approveRun({ runId: 'no-such-run', message: 'x', confirmed: true }))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no-such-run') });
  });
});

describe('rollbackPrompt', () => {
  it('commits an older version as "Revert …", keeping every commit and the approvals in history', async () => {
    const starter = gitCli(ws, 'rev-list', '--max-parents=0', 'HEAD').trim();
    const before = commitCount();

    const version = await core.api.rollbackPrompt({ name: 'capital-city', ref: starter.slice(0, 10) });

    expect(commitCount()).toBe(before + 1);
    expect(version).toMatchObject({ summary: `Revert capital-city to ${starter.slice(0, 7)} (Add starter prompts)`, approval: null });
    expect(gitCli(ws, 'log', '-1', '--format=%s')).toBe(`Revert capital-city to ${starter.slice(0, 7)} (Add starter prompts)\n`);
    expect(fs.readFileSync(promptFile(), 'utf8')).toBe(gitCli(ws, 'show', `${starter}:prompts/capital-city.prompt`));
    expect(gitCli(ws, 'diff', starter, 'HEAD', '--', 'prompts/capital-city.prompt')).toBe('');
    expect(gitCli(ws, 'status', '--porcelain', '--', 'prompts/capital-city.prompt')).toBe('');
    const history = await core.api.promptHistory({ name: 'capital-city' });
    expect(history[0]?.summary).toMatch(/^Revert capital-city/);
    expect(history.flatMap((entry) => entry.approvals ?? []).map((approval) => approval.tag)).toEqual([
      'approved/capital-city/v9',
      'approved/capital-city/v3',
      'approved/capital-city/v2',
      'approved/capital-city/v1',
    ]);
  });

  it('refuses with uncommitted changes, and when the version is already the current one', async () => {
    const before = commitCount();
    fs.appendFileSync(promptFile(), '\nUnsaved idea.\n');
    const dirty = await failure(core.api.rollbackPrompt({ name: 'capital-city', ref: 'HEAD~1' }));
    expect(dirty).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('has uncommitted changes. Commit them or discard them first') });
    expect(fs.readFileSync(promptFile(), 'utf8')).toMatch(/Unsaved idea\.\n$/);
    gitCli(ws, 'checkout', '--', 'prompts/capital-city.prompt');

    const current = await failure(core.api.rollbackPrompt({ name: 'capital-city', ref: 'HEAD' }));
    expect(current).toMatchObject({ code: 'NOTHING_TO_COMMIT', message: expect.stringContaining('is already the current version of "capital-city"') });
    const missing = await failure(core.api.rollbackPrompt({ name: 'no-such-prompt', ref: 'HEAD' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(commitCount()).toBe(before);
  });
});
