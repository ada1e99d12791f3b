import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { runWorkbench } from '../support/workbenchCli';

// One workspace for the whole file; each test leaves the working tree clean for the next.
describe('workbench commit, history, diff and restore', () => {
  let root: string;
  let ws: string;
  let home: string;
  let env: NodeJS.ProcessEnv;
  const promptFile = () => path.join(ws, 'prompts', 'summarize.prompt');
  const run = (...args: string[]) => runWorkbench([...args, '--workspace', ws], env);

  beforeAll(() => {
    root = makeTempDir();
    ws = path.join(root, 'ws');
    home = path.join(root, 'home');
    fs.mkdirSync(home);
    env = { HOME: home, XDG_CONFIG_HOME: '', GIT_CONFIG_GLOBAL: '', GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com' };
    expect(runWorkbench(['init', '--workspace', ws]).status).toBe(0);
  });
  afterAll(() => removeDir(root));

  it('commit records only that prompt with the author from the environment and prints the short id', () => {
    fs.appendFileSync(promptFile(), '\nKeep it short.\n');
    fs.appendFileSync(path.join(ws, 'prompts', 'capital-city.prompt'), '\nOther draft.\n');

    const result = run('commit', 'summarize', '-m', 'Shorter summaries');

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const head = gitCli(ws, 'rev-parse', '--short=7', 'HEAD').trim();
    expect(result.stdout).toBe(`[${head}] Shorter summaries\n`);
    expect(gitCli(ws, 'log', '-1', '--format=%an%n%ae%n%s')).toBe('Ada Lovelace\nada@example.com\nShorter summaries\n');
    expect(gitCli(ws, 'show', 'HEAD', '--name-only', '--format=').trim()).toBe('prompts/summarize.prompt');
    expect(gitCli(ws, 'status', '--porcelain')).toBe(' M prompts/capital-city.prompt\n');
    gitCli(ws, 'checkout', '--', 'prompts/capital-city.prompt');
  });

  it('commit takes the author from the global git config when the environment has none', () => {
    fs.writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Config Ada\n\temail = config@example.com\n');
    fs.appendFileSync(promptFile(), '\nFrom config.\n');
    const result = runWorkbench(['commit', 'summarize', '-m', 'By config', '--workspace', ws], { ...env, GIT_AUTHOR_NAME: '', GIT_AUTHOR_EMAIL: '' });
    expect(result.status).toBe(0);
    expect(gitCli(ws, 'log', '-1', '--format=%an <%ae>')).toBe('Config Ada <config@example.com>\n');
    fs.rmSync(path.join(home, '.gitconfig'));
  });

  it('commit without any author says how to set one (exit 1)', () => {
    fs.appendFileSync(promptFile(), '\nNobody.\n');
    const result = runWorkbench(['commit', 'summarize', '-m', 'Anonymous', '--workspace', ws], { ...env, GIT_AUTHOR_NAME: '', GIT_AUTHOR_EMAIL: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Commits need an author.*git config --global user.name/);
    gitCli(ws, 'checkout', '--', 'prompts/summarize.prompt');
  });

  it.each([
    [['commit', 'summarize'], /commit needs a message: -m/],
    [['commit', '-m', 'x'], /commit needs the name of a prompt/],
    [['commit', '../escape', '-m', 'x'], /Use letters, digits/],
    [['commit', 'summarize', '-m', '   '], /Write a commit message/],
    [['history', 'summarize', '--limit', '0'], /--limit must be a whole number/],
    [['diff'], /diff needs the name of a prompt/],
    [['diff', 'summarize', 'HEAD', 'HEAD~1', 'HEAD~2'], /two versions at most/],
    [['restore', 'summarize'], /needs a prompt name and a version/],
    [['restore', 'summarize', 'HEAD; rm -rf /'], /Use a commit id, HEAD, HEAD~n/],
  ])('exits 2 with a one-line reason for %j', (args, reason) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('commit with no changes exits 1 and says so', () => {
    const result = run('commit', 'summarize', '-m', 'Again');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^workbench: "summarize" has no changes to commit/);
  });

  it('history --json lists app and git command-line commits; --limit cuts it', () => {
    fs.appendFileSync(promptFile(), '\nEdited with git.\n');
    gitCli(ws, '-c', 'user.name=Bob Git', '-c', 'user.email=bob@example.com', 'commit', '--quiet', '-am', 'Edit with plain git');

    const result = run('history', 'summarize', '--json');

    expect(result.status).toBe(0);
    const versions = JSON.parse(result.stdout) as { id: string; message: string; author: string; date: string; approval: null }[];
    expect(versions.map((v) => v.message)).toEqual(['Edit with plain git', 'By config', 'Shorter summaries', 'Add starter prompts']);
    expect(versions[0]).toEqual({
      id: gitCli(ws, 'rev-parse', 'HEAD').trim(),
      message: 'Edit with plain git',
      author: 'Bob Git <bob@example.com>',
      date: gitCli(ws, 'log', '-1', '--format=%aI').trim(),
      name: 'summarize',
      approval: null,
      approvals: [],
    });
    expect(Object.keys(versions[1] ?? {})).toEqual(['id', 'message', 'author', 'date', 'name', 'approval', 'approvals']);
    expect(JSON.parse(run('history', 'summarize', '--json', '--limit', '1').stdout)).toEqual(versions.slice(0, 1));
  });

  it('history prints a table: short id, date, author, summary', () => {
    const lines = run('history', 'summarize').stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+DATE\s+AUTHOR\s+MESSAGE$/);
    expect(lines[1]).toMatch(new RegExp(`^${gitCli(ws, 'rev-parse', '--short=7', 'HEAD').trim()}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  Bob Git\\s+Edit with plain git$`));
    expect(lines).toHaveLength(5);
  });

  it('diff: HEAD against the draft by default, nothing when identical, and between two versions', () => {
    const same = run('diff', 'summarize');
    expect(same.status).toBe(0);
    expect(same.stdout).toBe('');

    fs.writeFileSync(promptFile(), fs.readFileSync(promptFile(), 'utf8').replace('faithful summaries', 'faithful, short summaries'));
    const draft = run('diff', 'summarize');
    expect(draft.status).toBe(0);
    expect(draft.stdout).toMatch(/^diff --git a\/prompts\/summarize\.prompt b\/prompts\/summarize\.prompt\n--- a\/prompts\/summarize\.prompt\n\+\+\+ b\/prompts\/summarize\.prompt\n@@ /);
    expect(draft.stdout).toMatch(/^-You write faithful summaries\./m);
    expect(draft.stdout).toMatch(/^\+You write faithful, short summaries\./m);
    expect(run('diff', 'summarize', 'HEAD').stdout).toBe(draft.stdout);
    gitCli(ws, 'checkout', '--', 'prompts/summarize.prompt');

    const between = run('diff', 'summarize', 'HEAD~3', 'HEAD');
    expect(between.status).toBe(0);
    expect(between.stdout).toContain('+Keep it short.');
    expect(between.stdout).toContain('+Edited with git.');
    expect(between.stdout).not.toContain('summarize.cases.yaml');
  });

  it('diff with an unknown version exits 1 and says what to use', () => {
    const result = run('diff', 'summarize', 'HEAD~40');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/workbench history <name>/);
  });

  it('restore writes the old version as a draft, keeps history, and says how to record it', () => {
    const count = gitCli(ws, 'rev-list', '--count', 'HEAD');
    const result = run('restore', 'summarize', 'HEAD~3');

    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Restored "summarize" to [0-9a-f]{7} as a draft/);
    expect(result.stdout).toMatch(/workbench commit summarize -m/);
    expect(gitCli(ws, 'rev-list', '--count', 'HEAD')).toBe(count);
    expect(fs.readFileSync(promptFile(), 'utf8')).toBe(gitCli(ws, 'show', 'HEAD~3:prompts/summarize.prompt'));

    expect(run('commit', 'summarize', '-m', 'Back to the starter').status).toBe(0);
    expect(run('diff', 'summarize', 'HEAD', 'HEAD~4').stdout).toBe('');
  });

  it('each command explains its usage with --help and is listed in the overall help', () => {
    const overall = runWorkbench(['--help']).stdout;
    for (const command of ['commit', 'history', 'diff', 'restore']) {
      const result = runWorkbench([command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: workbench ${command}`);
      expect(result.stdout).toContain('--workspace DIR');
      expect(overall).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });
});
