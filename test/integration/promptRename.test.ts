// Renaming a prompt keeps its past: history follows the rename (as `git log --follow` does), its
// runs, ratings and approvals stay with it, old approval tags stay valid and numbering continues
// under the new name. Through the core's API and the `workbench` command, on a real workspace and
// database, runs against a fake Ollama; what lands in git is checked with the ordinary git command.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, starterDir } from '../support/workbenchCli';

let root: string;
let ws: string;
let core: WorkbenchCore;
let ollama: FakeProvider;
const file = (name: string) => path.join(ws, 'prompts', `${name}.prompt`);
/** The starter's text with its "exactly one word" put another way. */
const wording = (name: string, words: string) => fs.writeFileSync(file(name), starter.replace('with exactly one word', `with ${words}`));
let starter = '';
const tags = () => gitCli(ws, 'tag', '-l', 'approved/*').trim().split('\n').filter(Boolean);
const tagged = (tag: string) => gitCli(ws, 'rev-parse', `${tag}^{commit}`).trim();

async function finishedRun(prompt: string): Promise<string> {
  const started = await core.api.startRun(
    api.methods.startRun.input.parse({ prompt, models: ['ollama/llama3.2'], temperatures: [0], samples: 2, cases: ['Japan (easy)'], confirmed: true }),
  );
  await core.runs.finished(started.runId);
  return started.runId;
}

/** A run of the draft, one sample rated, approved: returns the run. */
async function approveDraft(prompt: string, message: string, rating: number): Promise<string> {
  const runId = await finishedRun(prompt);
  const [sample] = (await core.api.getRun({ runId })).samples;
  await core.api.rateSamples({ runId, sampleIds: [sample?.sampleId ?? ''], rating });
  await core.api.approveRun({ runId, message, confirmed: false });
  return runId;
}

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

describe('renaming a prompt with runs and approvals', () => {
  const runs: string[] = [];
  let before: Record<string, string> = {};

  it('keeps its history, runs, ratings and approvals under the new name', async () => {
    starter = fs.readFileSync(file('capital-city'), 'utf8');
    wording('capital-city', 'one word');
    runs.push(await approveDraft('capital-city', 'One word', 5));
    wording('capital-city', 'a single word');
    runs.push(await approveDraft('capital-city', 'A single word', 4));
    wording('capital-city', 'just one word');
    runs.push(await approveDraft('capital-city', 'Just one word', 3));
    // A draft edit at the time of the rename stays a draft: the rename commit only moves the files.
    wording('capital-city', 'only one word');
    expect(tags()).toEqual(['approved/capital-city/v1', 'approved/capital-city/v2', 'approved/capital-city/v3']);
    before = Object.fromEntries(tags().map((tag) => [tag, tagged(tag)]));
    const historyBefore = await core.api.promptHistory({ name: 'capital-city' });

    const renamed = await core.api.renamePrompt({ name: 'capital-city', newName: 'capital' });
    expect(renamed.name).toBe('capital');
    expect(renamed.dirty).toBe(true);
    expect(gitCli(ws, 'show', '--format=', '--name-status', 'HEAD').trim().split('\n').sort()).toEqual([
      'R100\tprompts/capital-city.cases.yaml\tprompts/capital.cases.yaml',
      'R100\tprompts/capital-city.prompt\tprompts/capital.prompt',
    ]);
    expect(gitCli(ws, 'status', '--porcelain')).toBe(' M prompts/capital.prompt\n');

    // History follows the rename, as `git log --follow` lists it.
    const history = await core.api.promptHistory({ name: 'capital' });
    expect(history.map((version) => version.oid)).toEqual(gitCli(ws, 'log', '--follow', '--format=%H', '--', 'prompts/capital.prompt').trim().split('\n'));
    expect(history.map((version) => version.summary)).toEqual(['Rename capital-city to capital', ...historyBefore.map((version) => version.summary)]);
    expect(history.slice(1).map((version) => version.approval?.tag ?? null)).toEqual(historyBefore.map((version) => version.approval?.tag ?? null));
    expect(history[0]).toMatchObject({ renamedFrom: 'capital-city' });
    expect(history[0]?.promptName).toBeUndefined();
    expect(history.slice(1).every((version) => version.renamedFrom === undefined)).toBe(true);
    expect(history.slice(1).every((version) => version.promptName === 'capital-city')).toBe(true);

    // An old version reads, compares and restores under the new name.
    const v1 = before['approved/capital-city/v1'] ?? '';
    expect((await core.api.promptAtVersion({ name: 'capital', ref: v1 })).source).toContain('with one word');
    const diff = await core.api.diffPrompt({ name: 'capital', from: v1, to: 'HEAD' });
    expect(diff.files[0]?.status).toBe('modified');
    expect(diff.files[0]?.unified).toContain('-You answer geography questions with one word');
    expect(diff.files[0]?.unified).toContain('+You answer geography questions with just one word');

    // The runs and their ratings stay with the prompt.
    const listed = await core.api.listRuns({ prompt: 'capital', limit: 200 });
    expect(listed.map((run) => run.runId).sort()).toEqual([...runs].sort());
    expect(listed.every((run) => run.prompt === 'capital')).toBe(true);
    expect(await core.api.listRuns({ prompt: 'capital-city', limit: 200 })).toEqual([]);
    expect((await core.api.getRun({ runId: runs[1] ?? '' })).ratings.map((rating) => rating.rating)).toEqual([4]);
    expect((await core.api.listRuns({ prompt: 'capital', commit: v1, limit: 50 })).map((run) => run.runId)).toEqual([runs[0]]);

    // The old tags still mark the same commits.
    expect(Object.fromEntries(tags().map((tag) => [tag, tagged(tag)]))).toEqual(before);
  });

  it('numbers the next approval after the old ones, under the new name; history --approved lists all four', async () => {
    runs.push(await approveDraft('capital', 'Only one word', 5));
    expect(tags()).toEqual([...Object.keys(before), 'approved/capital/v4']);

    const approved = await core.api.promptHistory({ name: 'capital', approvedOnly: true });
    expect(approved.map((version) => version.approval?.tag)).toEqual(['approved/capital/v4', 'approved/capital-city/v3', 'approved/capital-city/v2', 'approved/capital-city/v1']);
    expect(approved.map((version) => version.approval?.runId)).toEqual([...runs].reverse());

    const env = { GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com' };
    const cli = runWorkbench(['history', 'capital', '--approved', '--workspace', ws], env);
    expect(cli.status, cli.stderr).toBe(0);
    const rows = cli.stdout.trimEnd().split('\n').slice(1);
    expect(rows.map((row) => /approved\/\S+/.exec(row)?.[0])).toEqual(['approved/capital/v4', 'approved/capital-city/v3', 'approved/capital-city/v2', 'approved/capital-city/v1']);
    const all = runWorkbench(['history', 'capital', '--workspace', ws], env);
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(1 + 6);
    expect(all.stdout).toMatch(/Rename capital-city to capital$/m);
  });
});

describe('a rename made with plain git', () => {
  it('is followed too, also when the file was edited in the same commit', async () => {
    gitCli(ws, 'mv', 'prompts/summarize.prompt', 'prompts/digest.prompt');
    gitCli(ws, 'mv', 'prompts/summarize.cases.yaml', 'prompts/digest.cases.yaml');
    fs.appendFileSync(file('digest'), '\nKeep it under three sentences.\n');
    gitCli(ws, 'add', 'prompts/digest.prompt');
    gitCli(ws, '-c', 'user.name=Bob Git', '-c', 'user.email=bob@example.com', 'commit', '-q', '-m', 'Summaries are digests now');

    const history = await core.api.promptHistory({ name: 'digest' });
    expect(history.map((version) => version.summary)).toEqual(['Summaries are digests now', 'Add starter prompts']);
    expect(history.map((version) => version.oid)).toEqual(gitCli(ws, 'log', '--follow', '--format=%H', '--', 'prompts/digest.prompt').trim().split('\n'));
    expect(history[1]?.promptName).toBe('summarize');
    expect(history[0]?.renamedFrom).toBe('summarize');
  });
});
