// `workbench commit --run`, `history --approved` and `report` as a user or a script calls them, on a
// workspace whose runs were made with `workbench run` against a fake Ollama.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/cli';
import type { CommandContext } from '../../electron/cli/command';
import { openCore } from '../../electron/core/core';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, starterDir, startWorkbench } from '../support/workbenchCli';

let root: string;
let ws: string;
let ollama: FakeProvider;
let env: NodeJS.ProcessEnv;
const promptFile = () => path.join(ws, 'prompts', 'capital-city.prompt');
const workbench = (...args: string[]) => runWorkbench([...args, '--workspace', ws], env);

async function cliRun(): Promise<string> {
  const result = await startWorkbench(['run', 'capital-city', '-m', 'ollama/llama3.2', '-t', '0,1', '-n', '3', '--case', 'Japan (easy)', '--json', '--workspace', ws], env).done;
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { runId: string }).runId;
}

beforeAll(async () => {
  root = makeTempDir();
  ws = path.join(root, 'ws');
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  ollama = await startFakeProvider({ kind: 'ollama' });
  env = { HOME: root, XDG_CONFIG_HOME: '', GIT_CONFIG_GLOBAL: '', GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com', OLLAMA_HOST: ollama.url };
});

afterAll(async () => {
  await ollama.close();
  removeDir(root);
});

describe('workbench commit --run', () => {
  let runId = '';

  it('refuses an unrated run without a terminal unless --yes (exit 2), then commits with trailers and a tag', async () => {
    fs.writeFileSync(promptFile(), fs.readFileSync(promptFile(), 'utf8').replace('exactly one word', 'one word only'));
    runId = await cliRun();
    const head = gitCli(ws, 'rev-parse', 'HEAD').trim();

    const refused = workbench('commit', 'capital-city', '-m', 'One word only', '--run', runId);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`No sample of run ${runId} is rated.*Add --yes to approve it without ratings\\.`));
    expect(gitCli(ws, 'rev-parse', 'HEAD').trim()).toBe(head);

    const approved = workbench('commit', 'capital-city', '-m', 'One word only', '--run', runId, '--yes');
    expect(approved.status, approved.stderr).toBe(0);
    const short = gitCli(ws, 'rev-parse', '--short=7', 'HEAD').trim();
    expect(approved.stdout.split('\n').slice(0, 4)).toEqual([`[${short}] One word only`, 'Tagged approved/capital-city/v1', `  Workbench-Run: ${runId}`, '  Workbench-Models: ollama/llama3.2']);
    expect(approved.stdout).toContain('  Workbench-Rating: none (n=0)\n');
    const trailers = execFileSync('git', ['interpret-trailers', '--parse'], { input: gitCli(ws, 'log', '-1', '--format=%B'), encoding: 'utf8' });
    expect(trailers).toMatch(new RegExp(`^Workbench-Run: ${runId}\nWorkbench-Models: ollama/llama3.2\nWorkbench-Temperatures: 0, 1\nWorkbench-Samples: 6\nWorkbench-Rating: none \\(n=0\\)\nWorkbench-Consistency: [01]\\.\\d\\d\nWorkbench-Pass-Rate: 0\\.00 \\[0\\.00, 0\\.39\\] \\(n=6\\)\n$`));
    expect(gitCli(ws, 'tag', '-l', 'approved/*')).toBe('approved/capital-city/v1\n');
  });

  it('approves a rated run of the committed text without --yes: tags that version v2, makes no commit', async () => {
    // Rated the way the app does it: through the core, on the same workspace database.
    const core = await openCore({ workspaceDir: ws, starterDir, create: false, env });
    try {
      const samples = (await core.api.getRun({ runId })).samples;
      await core.api.rateSamples({ runId, sampleIds: samples.slice(0, 2).map((sample) => sample.sampleId), rating: 5 });
    } finally {
      await core.close();
    }
    const head = gitCli(ws, 'rev-parse', 'HEAD').trim();
    const result = workbench('commit', 'capital-city', '-m', 'Rated now', '--run', runId);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`Tagged approved/capital-city/v2 on ${head.slice(0, 7)} (One word only): that text was committed already, so no commit was made`);
    expect(result.stdout).toContain('  Workbench-Rating: 5.00 (n=2)\n');
    expect(gitCli(ws, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(gitCli(ws, 'log', '-1', '--format=%s').trim()).toBe('One word only');
    expect(gitCli(ws, 'tag', '-l', 'approved/*')).toBe('approved/capital-city/v1\napproved/capital-city/v2\n');
    expect(gitCli(ws, 'for-each-ref', '--format=%(contents:trailers:key=Workbench-Rating,valueonly)', 'refs/tags/approved/capital-city/v2').trim()).toBe('5.00 (n=2)');
  });

  it('refuses a run whose prompt changed since (exit 1), a run of another prompt and --yes without --run (exit 2)', () => {
    fs.appendFileSync(promptFile(), '\nEdited after the run.\n');
    // The draft run is linked to the commit that approved its text, so that is what it ran now.
    const changed = workbench('commit', 'capital-city', '-m', 'Stale', '--run', runId, '--yes');
    expect(changed.status).toBe(1);
    expect(changed.stderr).toMatch(new RegExp(`^workbench: The prompt changed since run ${runId} \\(it ran the text of commit [0-9a-f]{7}; prompts/capital-city\\.prompt differs from that text now\\)\\. Run it again`));
    gitCli(ws, 'checkout', '--', 'prompts/capital-city.prompt');

    const other = workbench('commit', 'summarize', '-m', 'Wrong prompt', '--run', runId);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/is a run of "capital-city", not of "summarize"/);
    const yesAlone = workbench('commit', 'capital-city', '-m', 'x', '--yes');
    expect(yesAlone.status).toBe(2);
    expect(yesAlone.stderr).toMatch(/add --run RUN_ID/);
    expect(gitCli(ws, 'tag', '-l', 'approved/*').trim().split('\n')).toHaveLength(2);
  });
});

describe('workbench commit --run on a terminal', () => {
  /** The command in this process, with a terminal that answers the question as told. */
  async function onTerminal(argv: string[], answer: string) {
    const out: string[] = [];
    const err: string[] = [];
    const questions: string[] = [];
    const context: CommandContext = {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      env,
      stopSignal: new Promise(() => undefined),
      writeStderr: () => undefined,
      terminal: { stdin: true, stderr: false },
      ask: async (question) => {
        questions.push(question);
        return answer;
      },
    };
    const status = await runCli([...argv, '--workspace', ws], context);
    return { status, stdout: out.join('\n'), stderr: err.join('\n'), questions };
  }

  it('asks before approving an unrated run: no leaves everything as it was (exit 2), yes approves', async () => {
    const unrated = await cliRun();
    const head = gitCli(ws, 'rev-parse', 'HEAD').trim();

    const declined = await onTerminal(['commit', 'capital-city', '-m', 'Asked', '--run', unrated], 'n');
    expect(declined).toMatchObject({ status: 2, stderr: 'Not committed.' });
    expect(declined.questions).toEqual([`No sample of run ${unrated} is rated. Approve it without rating evidence? [y/N] `]);
    expect(gitCli(ws, 'rev-parse', 'HEAD').trim()).toBe(head);

    const accepted = await onTerminal(['commit', 'capital-city', '-m', 'Asked', '--run', unrated], 'yes');
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain('Tagged approved/capital-city/v3');
    expect(gitCli(ws, 'for-each-ref', '--format=%(contents:trailers:key=Workbench-Run,valueonly)', 'refs/tags/approved/capital-city/v3').trim()).toBe(unrated);
  });
});

describe('workbench history --approved', () => {
  it('lists every approval with tag, rating, consistency, run and its message; --json carries them', () => {
    const table = workbench('history', 'capital-city', '--approved');
    expect(table.status).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+DATE\s+TAG\s+RATING\s+CONSISTENCY\s+PASS RATE\s+SAMPLES\s+RUN\s+MESSAGE$/);
    expect(lines).toHaveLength(4);
    // The fake answers in sentences, never the one word capital-city's checks ask for: 0 of 6 pass.
    expect(lines[1]).toMatch(/approved\/capital-city\/v3\s+none \(n=0\)\s+[01]\.\d\d\s+0\.00 \[0\.00, 0\.39\] \(n=6\)\s+6\s+\S+\s+Asked$/);
    expect(lines[2]).toMatch(/approved\/capital-city\/v2\s+5\.00 \(n=2\)\s+[01]\.\d\d\s+0\.00 \[0\.00, 0\.39\] \(n=6\)\s+6\s+\S+\s+Rated now$/);
    expect(lines[3]).toMatch(/approved\/capital-city\/v1\s+none \(n=0\)/);

    // All three approve one version: its text was committed by the first.
    const all = workbench('history', 'capital-city');
    expect(all.stdout).toMatch(/One word only {2}\[approved\/capital-city\/v3, approved\/capital-city\/v2, approved\/capital-city\/v1\]$/m);
    expect(all.stdout).toMatch(/Add starter prompts$/m);

    const json = JSON.parse(workbench('history', 'capital-city', '--approved', '--json').stdout) as { id: string; name: string; approval: Record<string, unknown>; approvals: Record<string, unknown>[] }[];
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ id: gitCli(ws, 'rev-parse', 'HEAD').trim(), name: 'capital-city', approval: { tag: 'approved/capital-city/v3', message: 'Asked' } });
    expect(json[0]?.approvals.map((approval) => approval.tag)).toEqual(['approved/capital-city/v3', 'approved/capital-city/v2', 'approved/capital-city/v1']);
    expect(json[0]?.approvals[1]).toMatchObject({ models: ['ollama/llama3.2'], temperatures: [0, 1], samples: 6, rating: 5, rated: 2, tag: 'approved/capital-city/v2', message: 'Rated now' });
    expect(workbench('history', 'summarize', '--approved').stdout).toMatch(/"summarize" has no approved versions yet/);
  });
});

describe('workbench report', () => {
  it('writes one self-contained HTML file with the charts and prints its path', async () => {
    const other = await cliRun();
    const runs = JSON.parse(workbench('runs', '--json').stdout) as { runId: string }[];
    const first = runs[runs.length - 1]?.runId ?? '';
    const file = path.join(root, 'report.html');

    const single = workbench('report', first, '-o', file);
    expect(single.status, single.stderr).toBe(0);
    expect(single.stdout.trim()).toBe(file);
    const page = fs.readFileSync(file, 'utf8');
    // capital-city has checks: the pass-rate chart joins the three.
    expect(page.match(/<svg xmlns/g)).toHaveLength(4);
    expect(page).toContain('Pass rate by temperature');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");

    // Into a folder, under the report's own name.
    const compared = workbench('report', other, '--compare', first, '-o', root);
    expect(compared.status, compared.stderr).toBe(0);
    expect(compared.stdout.trim()).toBe(path.join(root, `capital-city-${first}-vs-${other}.html`));
    const comparison = fs.readFileSync(compared.stdout.trim(), 'utf8');
    expect(comparison).toContain(`A = run ${first}`);
    expect(comparison).toContain('What changed');
  });

  it('says what to do for a wrong run id or missing argument', () => {
    const unknown = workbench('report', 'no-such-run', '-o', path.join(root, 'x.html'));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/There is no run "no-such-run"/);
    expect(fs.existsSync(path.join(root, 'x.html'))).toBe(false);
    expect(workbench('report').status).toBe(2);
    const [latest] = JSON.parse(workbench('runs', '--json').stdout) as { runId: string }[];
    const nowhere = workbench('report', latest?.runId ?? '', '-o', path.join(root, 'no-such-folder', 'r.html'));
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toMatch(/^workbench: Could not write the report to .*no-such-folder.*: the folder .*no-such-folder does not exist\. Create it first/);
  });

  it('explains commit --run, history --approved and report in --help', () => {
    expect(runWorkbench(['commit', '--help']).stdout).toContain('--run RUN_ID [--yes]');
    expect(runWorkbench(['history', '--help']).stdout).toContain('--approved');
    const report = runWorkbench(['report', '--help']);
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('Usage: workbench report <runId> [--compare RUN_ID] [-o FILE.html]');
    expect(runWorkbench(['--help']).stdout).toMatch(/^ {2}report {2}/m);
  });
});
