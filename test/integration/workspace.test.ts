import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../shared/errors';
import { openWorkspace, STARTER_COMMIT_MESSAGE } from '../../electron/core/workspace/workspace';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir, snapshotTree } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

describe('workspace creation and opening', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
  });
  afterEach(() => removeDir(root));

  it('creates a git repository whose first commit the git CLI reads, with fsck clean', async () => {
    const dir = path.join(root, 'ws');
    const workspace = await openWorkspace({ workspaceDir: dir, starterDir, create: true });

    expect(workspace.created).toBe(true);
    expect(gitCli(dir, 'log', '--format=%s').trim()).toBe(STARTER_COMMIT_MESSAGE);
    expect(() => gitCli(dir, 'fsck', '--strict')).not.toThrow();
    expect(gitCli(dir, 'status', '--porcelain')).toBe('');
    const tracked = gitCli(dir, 'ls-files').trim().split('\n');
    expect(tracked).toContain('.gitignore');
    const prompts = tracked.filter((file) => file.endsWith('.prompt'));
    expect(prompts.length).toBeGreaterThanOrEqual(5);
    for (const prompt of prompts) expect(tracked).toContain(prompt.replace(/\.prompt$/, '.cases.yaml'));
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain('.workbench/');
  });

  it('takes back what it made when creating fails part way, so a retry starts clean', async () => {
    const brokenStarters = path.join(root, 'starters');
    fs.mkdirSync(path.join(brokenStarters, 'a.prompt'), { recursive: true });
    const dir = path.join(root, 'new', 'ws');
    await expect(openWorkspace({ workspaceDir: dir, starterDir: brokenStarters, create: true })).rejects.toThrow();
    expect(fs.existsSync(path.join(root, 'new'))).toBe(false);

    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    await expect(openWorkspace({ workspaceDir: empty, starterDir: brokenStarters, create: true })).rejects.toThrow();
    expect(fs.readdirSync(empty)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('says in one message that a folder under /proc cannot be made, instead of hanging', async () => {
    await expect(openWorkspace({ workspaceDir: '/proc/no-such-folder/ws', starterDir, create: true })).rejects.toMatchObject({
      code: 'WORKSPACE_INVALID',
      message: 'The workspace folder /proc/no-such-folder/ws could not be created (ENOENT at /proc/no-such-folder). Choose a folder you can write to.',
    });
  });

  it('keeps the database folder out of git', async () => {
    const dir = path.join(root, 'ws');
    const workspace = await openWorkspace({ workspaceDir: dir, starterDir, create: true });
    fs.writeFileSync(path.join(workspace.stateDir, 'workbench.db'), 'x');
    expect(gitCli(dir, 'status', '--porcelain')).toBe('');
  });

  it('re-opening an existing workspace changes nothing', async () => {
    const dir = path.join(root, 'ws');
    await openWorkspace({ workspaceDir: dir, starterDir, create: true });
    const head = gitCli(dir, 'rev-parse', 'HEAD');
    const before = snapshotTree(dir);

    const again = await openWorkspace({ workspaceDir: dir, starterDir, create: true });

    expect(again.created).toBe(false);
    expect(gitCli(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('creates into an existing empty folder', async () => {
    const workspace = await openWorkspace({ workspaceDir: root, starterDir, create: true });
    expect(workspace.created).toBe(true);
    expect(gitCli(root, 'log', '--oneline').trim().split('\n')).toHaveLength(1);
  });

  it('refuses a non-empty folder that is not a workspace and touches nothing', async () => {
    fs.writeFileSync(path.join(root, 'notes.txt'), 'mine');
    fs.mkdirSync(path.join(root, 'src'));
    const before = snapshotTree(root);

    const attempt = openWorkspace({ workspaceDir: root, starterDir, create: true });

    await expect(attempt).rejects.toBeInstanceOf(WorkbenchError);
    await expect(attempt).rejects.toMatchObject({ code: 'WORKSPACE_NOT_EMPTY' });
    await expect(attempt).rejects.toThrow(/not empty.*Nothing was changed/);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('refuses a path that is a file', async () => {
    const file = path.join(root, 'file.txt');
    fs.writeFileSync(file, 'x');
    await expect(openWorkspace({ workspaceDir: file, starterDir, create: true })).rejects.toMatchObject({ code: 'WORKSPACE_INVALID' });
  });

  it('does not create a workspace unless asked, and says how to', async () => {
    const dir = path.join(root, 'missing');
    await expect(openWorkspace({ workspaceDir: dir, starterDir })).rejects.toThrow(/workbench init --workspace/);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
