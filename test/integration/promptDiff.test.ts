import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileDiff } from '../../shared/versions';
import { diffPrompt } from '../../electron/core/workspace/promptDiff';
import { commitPrompt } from '../../electron/core/workspace/promptVersions';
import { openWorkspace, type Workspace } from '../../electron/core/workspace/workspace';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
const changedWords = (file: FileDiff | undefined, side: 'left' | 'right') =>
  (file?.rows ?? []).flatMap((row) => (row.kind === 'changed' ? (row[side]?.segments ?? []) : [])).filter((s) => s.changed).map((s) => s.text);

describe('diffPrompt', () => {
  let root: string;
  let workspace: Workspace;
  let dir: string;
  let promptFile: string;
  let original: string;

  beforeEach(async () => {
    root = makeTempDir();
    workspace = await openWorkspace({ workspaceDir: path.join(root, 'ws'), starterDir: starterDir, create: true });
    dir = workspace.path;
    promptFile = path.join(dir, 'prompts', 'summarize.prompt');
    original = fs.readFileSync(promptFile, 'utf8');
  });
  afterEach(() => removeDir(root));

  it('between two app commits: word-level changes in the prompt, the cases file unchanged', async () => {
    fs.writeFileSync(promptFile, original.replace('faithful summaries', 'faithful, punchy summaries'));
    const first = await commitPrompt(workspace, 'summarize', 'Punchy', ada);
    fs.writeFileSync(promptFile, original.replace('faithful summaries', 'faithful, short summaries'));
    const second = await commitPrompt(workspace, 'summarize', 'Short', ada);

    const diff = await diffPrompt(workspace, 'summarize', first.shortOid, 'HEAD');

    expect(diff.from).toBe(first.oid);
    expect(diff.to).toBe(second.oid);
    const [prompt, cases] = diff.files;
    expect(prompt).toMatchObject({ path: 'prompts/summarize.prompt', status: 'modified' });
    expect(prompt?.rows.filter((row) => row.kind !== 'context')).toHaveLength(1);
    expect(changedWords(prompt, 'left')).toEqual(['punchy']);
    expect(changedWords(prompt, 'right')).toEqual(['short']);
    expect(cases).toMatchObject({ path: 'prompts/summarize.cases.yaml', status: 'unchanged', unified: '' });
    expect(cases?.rows.every((row) => row.kind === 'context')).toBe(true);
  });

  it('HEAD against the draft by default sides, and the unified text applies with git', async () => {
    fs.writeFileSync(promptFile, original.replace('never add outside information', 'never invent information'));
    fs.appendFileSync(path.join(dir, 'prompts', 'summarize.cases.yaml'), '- name: tiny\n  input:\n    document: Hi.\n');

    const diff = await diffPrompt(workspace, 'summarize', 'HEAD', 'working');

    expect(diff.to).toBe('working');
    expect(diff.files.map((file) => file.status)).toEqual(['modified', 'modified']);
    expect(changedWords(diff.files[0], 'left').join(' ')).toMatch(/add outside/);
    expect(changedWords(diff.files[0], 'right').join(' ')).toMatch(/invent/);
    expect(diff.files[1]?.rows.filter((row) => row.kind === 'added')).toHaveLength(3);
    const patch = diff.files.map((file) => file.unified).join('');
    expect(patch).toMatch(/^diff --git a\/prompts\/summarize.prompt b\/prompts\/summarize.prompt\n--- a\/prompts\/summarize.prompt\n\+\+\+ b\/prompts\/summarize.prompt\n@@ /);
    // Our patch takes HEAD to the draft: reversed, it applies cleanly to the working tree.
    execFileSync('git', ['-C', dir, 'apply', '--reverse', '--check', '-'], { input: patch });
    expect(gitCli(dir, 'diff', '--stat')).toMatch(/2 files changed/);
  });

  it('an uncommitted new prompt shows as added against HEAD', async () => {
    fs.writeFileSync(path.join(dir, 'prompts', 'haiku.prompt'), 'Write a haiku.\n');
    const diff = await diffPrompt(workspace, 'haiku', 'HEAD', 'working');
    expect(diff.files).toHaveLength(1);
    expect(diff.files[0]).toMatchObject({ status: 'added', unified: expect.stringContaining('--- /dev/null\n+++ b/prompts/haiku.prompt') });
  });

  it('a deleted draft shows as deleted', async () => {
    fs.rmSync(promptFile);
    const diff = await diffPrompt(workspace, 'summarize', 'HEAD', 'working');
    expect(diff.files[0]).toMatchObject({ status: 'deleted' });
    expect(diff.files[0]?.rows.every((row) => row.kind === 'removed')).toBe(true);
  });

  it('identical sides: unchanged files with context rows and no unified text', async () => {
    const diff = await diffPrompt(workspace, 'summarize', 'HEAD', 'working');
    expect(diff.files.map((file) => [file.status, file.unified])).toEqual([
      ['unchanged', ''],
      ['unchanged', ''],
    ]);
  });

  it('NOT_FOUND for an unknown version or a prompt on neither side', async () => {
    await expect(diffPrompt(workspace, 'summarize', 'HEAD~3', 'working')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(diffPrompt(workspace, 'nope', 'HEAD', 'working')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/"nope" exists neither at "HEAD" nor at the working tree/),
    });
  });
});
