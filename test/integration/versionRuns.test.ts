// A run belongs to every version whose prompt and cases are the text it sampled (by content hash),
// whether it ran that commit, another commit with the same text, or a draft committed later; and
// it is named the same way in the app, the command line and the report. Through the core's API on a
// real workspace and database, runs against a fake Ollama.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import type { RunRequestInput } from '../../shared/runs';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, starterDir } from '../support/workbenchCli';

let root: string;
let ws: string;
let core: WorkbenchCore;
let ollama: FakeProvider;
const promptFile = () => path.join(ws, 'prompts', 'capital-city.prompt');
const casesFile = () => path.join(ws, 'prompts', 'capital-city.cases.yaml');
const head = () => gitCli(ws, 'rev-parse', 'HEAD').trim();

async function finishedRun(input: Partial<RunRequestInput> = {}): Promise<string> {
  const started = await core.api.startRun(
    api.methods.startRun.input.parse({ prompt: 'capital-city', models: ['ollama/llama3.2'], temperatures: [0], samples: 1, cases: ['Japan (easy)'], confirmed: true, ...input }),
  );
  await core.runs.finished(started.runId);
  return started.runId;
}

const runsOf = async (commit: string) => (await core.api.listRuns({ prompt: 'capital-city', commit, limit: 50 })).map((run) => run.runId).sort();

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

describe('the runs of a version', () => {
  const starterRoot = () => gitCli(ws, 'rev-list', '--max-parents=0', 'HEAD').trim();
  let draftRun = '';
  let otherCasesRun = '';
  let commitRun = '';
  let edited = '';

  it('include a run of the draft once that text is committed, by a plain commit too', async () => {
    const original = fs.readFileSync(promptFile(), 'utf8');
    fs.writeFileSync(promptFile(), original.replace('exactly one word', 'one word only'));
    draftRun = await finishedRun();
    const cases = fs.readFileSync(casesFile(), 'utf8');
    fs.appendFileSync(casesFile(), '- name: Peru\n  input: { country: Peru }\n');
    otherCasesRun = await finishedRun();
    fs.writeFileSync(casesFile(), cases);

    await core.api.commitPrompt({ name: 'capital-city', message: 'One word only' });
    edited = head();

    // The same prompt text with other cases sampled something else.
    expect(await runsOf(edited)).toEqual([draftRun]);
    expect((await core.api.getRun({ runId: draftRun })).summary.commit).toBeNull();
    expect(await runsOf(starterRoot())).toEqual([]);
  });

  it('include a run of another commit with the same text, both ways', async () => {
    commitRun = await finishedRun({ ref: 'HEAD' });
    // Back to the starter text as a new commit: the starter's version and this one hold the same files.
    await core.api.rollbackPrompt({ name: 'capital-city', ref: starterRoot() });
    const reverted = head();
    const starterRun = await finishedRun({ ref: starterRoot() });

    expect(await runsOf(reverted)).toEqual([starterRun]);
    expect(await runsOf(starterRoot())).toEqual([starterRun]);
    await core.api.rollbackPrompt({ name: 'capital-city', ref: edited });
    expect(await runsOf(head())).toEqual([draftRun, commitRun].sort());
    expect(await runsOf(edited)).toEqual([draftRun, commitRun].sort());
    // Without a prompt, a commit lists the runs made on it or linked to it, as before.
    expect((await core.api.listRuns({ commit: edited, limit: 50 })).map((run) => run.runId)).toEqual([commitRun]);
    expect(await core.api.listRuns({ prompt: 'capital-city', commit: '0123456789012345678901234567890123456789', limit: 50 })).toEqual([]);
    expect(otherCasesRun).not.toBe('');
  });

  it('name a draft run by its content, never like a commit id, in the command line and the report', async () => {
    const draft = (await core.api.getRun({ runId: draftRun })).summary;
    const content = draft.contentHash.slice(0, 7);
    const listed = runWorkbench(['runs', '--prompt', 'capital-city', '--workspace', ws]);
    expect(listed.status, listed.stderr).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RUN\s+PROMPT\s+VERSION\s+STATUS/);
    expect(lines.find((line) => line.startsWith(draftRun))).toContain(`draft · content ${content}`);
    expect(lines.find((line) => line.startsWith(commitRun))).toContain(`commit ${edited.slice(0, 7)}`);

    const report = await core.api.runReport({ runId: draftRun });
    expect(report.html).toContain(`draft · content ${content}`);
  });
});
