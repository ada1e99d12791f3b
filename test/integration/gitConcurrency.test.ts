// Several writers on one workspace at once, as real processes: `workbench` commands in parallel,
// the app's core beside a `workbench` command, and plain `git`. Every commit that reports success
// must be in `git log`, nothing may stay staged or locked, and the repository stays fsck-clean.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { commitPrompt } from '../../electron/core/workspace/promptCommit';
import { startFakeProvider, type FakeProvider } from '../support/fakeProviders/fakeServer';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench, starterDir, startWorkbench, type CliResult } from '../support/workbenchCli';

const ROUNDS = 6;
const author = { name: 'Ada Lovelace', email: 'ada@example.com' };
const gitEnv = { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email };

let root: string;
let ws: string;
let env: NodeJS.ProcessEnv;

const subjects = () => gitCli(ws, 'log', '--format=%s').trim().split('\n');
const append = (name: string, text: string) => fs.appendFileSync(path.join(ws, 'prompts', name), `\n${text}\n`);
const locksLeft = () => ['index.lock', 'refs/heads/main.lock', 'HEAD.lock'].filter((file) => fs.existsSync(path.join(ws, '.git', file)));

function expectCleanRepository(): void {
  expect(gitCli(ws, 'status', '--porcelain').trim()).toBe('');
  expect(locksLeft()).toEqual([]);
  gitCli(ws, 'fsck', '--strict', '--no-dangling');
}

/** Runs plain `git` as a separate process; resolves with its exit code and output. */
function gitProcess(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn('git', ['-C', ws, ...args], { env: { ...process.env, ...gitEnv } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `git commit` of one file, tried again while another writer holds the index, as a person would. */
async function gitCommit(file: string, message: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const added = await gitProcess('add', file);
    if (added.status === 0) {
      const committed = await gitProcess('commit', '-q', '-m', message, '--', file);
      if (committed.status === 0) return;
      expect(committed.stderr).toMatch(/index\.lock|cannot lock ref/);
    } else {
      expect(added.stderr).toMatch(/index\.lock/);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`git commit "${message}" never got the index`);
}

beforeAll(() => {
  root = makeTempDir();
  env = { HOME: root, XDG_CONFIG_HOME: '', GIT_CONFIG_GLOBAL: '', GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email };
});

afterAll(() => removeDir(root));

beforeEach(() => {
  ws = fs.mkdtempSync(path.join(root, 'ws-'));
  fs.rmdirSync(ws);
  expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
});

describe('commits from several processes at once', () => {
  it('keeps every commit of two `workbench commit` processes racing, round after round', async () => {
    const expected: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      append('summarize.prompt', `round ${round}`);
      append('code-review.prompt', `round ${round}`);
      const results = await Promise.all([
        startWorkbench(['commit', 'summarize', '-m', `sum ${round}`, '--workspace', ws], env).done,
        startWorkbench(['commit', 'code-review', '-m', `cr ${round}`, '--workspace', ws], env).done,
      ]);
      for (const result of results) expect(result.status, result.stderr).toBe(0);
      expected.push(`sum ${round}`, `cr ${round}`);
    }
    expect(subjects().filter((subject) => subject !== 'Add starter prompts').sort()).toEqual(expected.sort());
    expectCleanRepository();
  });

  it('keeps every commit when the app and plain `git` commit at the same time', async () => {
    const core = await openCore({ workspaceDir: ws, starterDir, create: false });
    try {
      const expected: string[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        append('summarize.prompt', `round ${round}`);
        fs.writeFileSync(path.join(ws, 'notes.txt'), `round ${round}\n`);
        await Promise.all([commitPrompt(core.workspace, 'summarize', `app ${round}`, author), gitCommit('notes.txt', `git ${round}`)]);
        expected.push(`app ${round}`, `git ${round}`);
      }
      expect(subjects().filter((subject) => subject !== 'Add starter prompts').sort()).toEqual(expected.sort());
      expectCleanRepository();
    } finally {
      await core.close();
    }
  });

  it('keeps every commit when the app and a `workbench` command commit at the same time', async () => {
    const core = await openCore({ workspaceDir: ws, starterDir, create: false });
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        append('summarize.prompt', `round ${round}`);
        append('code-review.prompt', `round ${round}`);
        const [cli] = await Promise.all([
          startWorkbench(['commit', 'code-review', '-m', `cli ${round}`, '--workspace', ws], env).done,
          commitPrompt(core.workspace, 'summarize', `app ${round}`, author),
        ]);
        expect(cli.status, cli.stderr).toBe(0);
      }
      expect(subjects()).toHaveLength(1 + 2 * ROUNDS);
      expectCleanRepository();
    } finally {
      await core.close();
    }
  });

  it('waits while git holds the index, then commits', async () => {
    append('summarize.prompt', 'while git works');
    const lock = path.join(ws, '.git', 'index.lock');
    fs.writeFileSync(lock, '');
    const command = startWorkbench(['commit', 'summarize', '-m', 'After git', '--workspace', ws], env);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(subjects()[0]).toBe('Add starter prompts');
    fs.rmSync(lock);
    const result = await command.done;
    expect(result.status, result.stderr).toBe(0);
    expect(subjects()[0]).toBe('After git');
    expectCleanRepository();
  });

  it('finds the branch moved by `git update-ref` between building the commit and writing it, and rebuilds on the new head', async () => {
    const core = await openCore({ workspaceDir: ws, starterDir, create: false });
    try {
      // A commit made without the index (as `git commit-tree` + `update-ref` or a push would), landing mid-commit.
      const head = gitCli(ws, 'rev-parse', 'HEAD').trim();
      const outside = gitCli(ws, 'commit-tree', `${head}^{tree}`, '-p', head, '-m', 'Outside').trim();
      append('summarize.prompt', 'raced');
      let moved = false;
      const { commitPromptNow, withCommitLock } = await import('../../electron/core/workspace/promptCommit');
      await withCommitLock(ws, (index) =>
        commitPromptNow(core.workspace, index, 'summarize', 'Mine', author, {
          onCommitBuilt: () => {
            if (moved) return;
            moved = true;
            gitCli(ws, 'update-ref', 'refs/heads/main', outside, head);
          },
        }),
      );
      expect(subjects().slice(0, 3)).toEqual(['Mine', 'Outside', 'Add starter prompts']);
      expectCleanRepository();
    } finally {
      await core.close();
    }
  });

  it("keeps git's safeguard for a file changed in the second it was staged: after the app commits, git still sees the edit", async () => {
    // Git trusts an entry's stat data (mtime to the second, and size) unless the entry is as new as
    // the index file; a rewrite of the index by the app must not turn such an entry into a trusted one.
    const notes = path.join(ws, 'notes.txt');
    const second = Math.floor(Date.now() / 1000) - 60;
    fs.writeFileSync(notes, 'draft 1\n');
    fs.utimesSync(notes, second, second);
    gitCli(ws, 'add', 'notes.txt');
    fs.utimesSync(path.join(ws, '.git', 'index'), second + 0.5, second + 0.5);
    // Changed again within that same second, at the same size: only content tells it apart.
    fs.writeFileSync(notes, 'draft 2\n');
    fs.utimesSync(notes, second + 0.9, second + 0.9);
    expect(gitCli(ws, '--no-optional-locks', 'status', '--porcelain', '--', 'notes.txt')).toBe('AM notes.txt\n');

    append('summarize.prompt', 'meanwhile');
    const core = await openCore({ workspaceDir: ws, starterDir, create: false });
    try {
      await commitPrompt(core.workspace, 'summarize', 'App commit', author);
    } finally {
      await core.close();
    }
    expect(gitCli(ws, '--no-optional-locks', 'status', '--porcelain', '--', 'notes.txt')).toBe('AM notes.txt\n');
    gitCli(ws, 'add', 'notes.txt');
    expect(gitCli(ws, 'show', ':notes.txt')).toBe('draft 2\n');
  });
});

describe('approvals from several processes at once', () => {
  let ollama: FakeProvider;

  beforeAll(async () => {
    ollama = await startFakeProvider({ kind: 'ollama' });
  });

  afterAll(async () => {
    await ollama.close();
  });

  async function finishedRun(core: WorkbenchCore, prompt: string): Promise<string> {
    const { api } = await import('../../shared/api');
    const started = await core.api.startRun(api.methods.startRun.input.parse({ prompt, models: ['ollama/llama3.2'], temperatures: [0], samples: 1, confirmed: true }));
    await core.runs.finished(started.runId);
    return started.runId;
  }

  let core: WorkbenchCore;
  beforeEach(async () => {
    core = await openCore({ workspaceDir: ws, starterDir, create: false, env: { OLLAMA_HOST: ollama.url } });
  });
  afterEach(async () => {
    await core.close();
  });

  it('gives each of two approvals racing in two processes its own commit and tag', async () => {
    // Drafts: an approval of text committed already makes no commit, only its tag.
    append('summarize.prompt', 'to approve');
    append('code-review.prompt', 'to approve');
    const runs = [await finishedRun(core, 'summarize'), await finishedRun(core, 'code-review')];
    const results = await Promise.all([
      startWorkbench(['commit', 'summarize', '-m', 'Approve sum', '--run', runs[0] ?? '', '--yes', '--workspace', ws], env).done,
      startWorkbench(['commit', 'code-review', '-m', 'Approve cr', '--run', runs[1] ?? '', '--yes', '--workspace', ws], env).done,
    ]);
    for (const result of results) expect(result.status, result.stderr).toBe(0);
    expect(subjects().slice(0, 2).sort()).toEqual(['Approve cr', 'Approve sum']);
    expect(gitCli(ws, 'tag', '-l', 'approved/*').trim().split('\n').sort()).toEqual(['approved/code-review/v1', 'approved/summarize/v1']);
    expect(gitCli(ws, 'log', '-1', '--format=%s', 'approved/summarize/v1').trim()).toBe('Approve sum');
    expectCleanRepository();
  });

  it('tags the committed version once per approval when two processes approve runs of it at once, making no commit', async () => {
    const runs = [await finishedRun(core, 'summarize'), await finishedRun(core, 'summarize')];
    const head = gitCli(ws, 'rev-parse', 'HEAD').trim();
    const results = await Promise.all(
      runs.map((runId, i) => startWorkbench(['commit', 'summarize', '-m', `Approve ${i}`, '--run', runId, '--yes', '--workspace', ws], env).done),
    );
    for (const result of results) expect(result.status, result.stderr).toBe(0);
    expect(gitCli(ws, 'rev-parse', 'HEAD').trim()).toBe(head);
    expect(gitCli(ws, 'tag', '-l', 'approved/*').trim().split('\n')).toEqual(['approved/summarize/v1', 'approved/summarize/v2']);
    for (const tag of ['v1', 'v2']) expect(gitCli(ws, 'rev-parse', `approved/summarize/${tag}^{commit}`).trim()).toBe(head);
    const tagged = ['v1', 'v2'].map((tag) => gitCli(ws, 'for-each-ref', '--format=%(contents:subject)', `refs/tags/approved/summarize/${tag}`).trim());
    expect(tagged.sort()).toEqual(['Approve 0', 'Approve 1']);
    expectCleanRepository();
  });

  it('finishes the tag of an approval whose process stopped between the commit and the tag, on the next open', async () => {
    append('summarize.prompt', 'to approve');
    const runId = await finishedRun(core, 'summarize');
    // The tag cannot be written (a file stands where its folder goes), so the command stops right after committing.
    fs.mkdirSync(path.join(ws, '.git', 'refs', 'tags', 'approved'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.git', 'refs', 'tags', 'approved', 'summarize'), '');
    const stopped = await startWorkbench(['commit', 'summarize', '-m', 'Approve and stop', '--run', runId, '--yes', '--workspace', ws], env).done;
    expect(stopped.status).toBe(1);
    expect(subjects()[0]).toBe('Approve and stop');
    expect(gitCli(ws, 'tag', '-l', 'approved/*').trim()).toBe('');

    fs.rmSync(path.join(ws, '.git', 'refs', 'tags', 'approved', 'summarize'));
    const listed = runWorkbench(['history', 'summarize', '--approved', '--workspace', ws], env);
    expect(listed.status, listed.stderr).toBe(0);
    expect(gitCli(ws, 'tag', '-l', 'approved/*').trim()).toBe('approved/summarize/v1');
    expect(gitCli(ws, 'rev-parse', 'approved/summarize/v1^{commit}').trim()).toBe(gitCli(ws, 'rev-parse', 'HEAD').trim());
    expect(listed.stdout).toContain('Approve and stop');
    expect(fs.readdirSync(path.join(ws, '.workbench', 'pending-approvals'))).toEqual([]);
  });
});
