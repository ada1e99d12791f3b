import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffPrompt } from '../../electron/core/workspace/promptDiff';
import { listPrompts } from '../../electron/core/workspace/promptList';
import { commitPrompt, promptAtVersion, promptHistory, resolveRef, restorePrompt } from '../../electron/core/workspace/promptVersions';
import { openWorkspace, type Workspace } from '../../electron/core/workspace/workspace';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };

describe('a damaged .git gives GIT_ERROR naming the repository, and prompts stay listed', () => {
  let root: string;
  let workspace: Workspace;
  let dir: string;
  beforeEach(async () => {
    root = makeTempDir();
    workspace = await openWorkspace({ workspaceDir: path.join(root, 'ws'), starterDir: starterDir, create: true });
    dir = workspace.path;
    fs.appendFileSync(path.join(dir, 'prompts', 'summarize.prompt'), '\nv2\n');
    await commitPrompt(workspace, 'summarize', 'v2', ada);
    fs.appendFileSync(path.join(dir, 'prompts', 'summarize.prompt'), '\ndraft\n');
  });
  afterEach(() => removeDir(root));

  const overwriteObject = (oid: string, content: string) => {
    const file = path.join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, content);
  };

  const everyOperation = () => [
    commitPrompt(workspace, 'summarize', 'Should fail', ada),
    promptHistory(workspace, 'summarize'),
    resolveRef(workspace, 'HEAD~1'),
    promptAtVersion(workspace, 'summarize', 'HEAD~1'),
    restorePrompt(workspace, 'summarize', 'HEAD~1'),
    diffPrompt(workspace, 'summarize', 'HEAD~1', 'working'),
  ];

  async function expectGitErrors(operations: Promise<unknown>[], reason: RegExp) {
    for (const [i, operation] of operations.entries()) {
      const error = await operation.then(
        () => new Error(`operation ${i} succeeded`),
        (caught: unknown) => caught,
      );
      expect(error, `operation ${i}`).toMatchObject({ code: 'GIT_ERROR' });
      expect((error as Error).message, `operation ${i}`).toContain(`The git repository in ${dir} could not be read`);
      expect((error as Error).message, `operation ${i}`).toMatch(reason);
    }
    const prompts = await listPrompts(workspace);
    expect(prompts.map((prompt) => prompt.name)).toContain('summarize');
  }

  it('.git/HEAD deleted', async () => {
    fs.rmSync(path.join(dir, '.git', 'HEAD'));
    await expectGitErrors(everyOperation(), new RegExp(`${path.join(dir, '.git', 'HEAD').replace(/[/.]/g, '\\$&')} is missing`));
  });

  it('.git/HEAD garbled', async () => {
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'not a ref\n');
    await expectGitErrors(everyOperation(), /HEAD is not a valid HEAD/);
  });

  it('no .git folder at all', async () => {
    fs.rmSync(path.join(dir, '.git'), { recursive: true });
    await expectGitErrors(everyOperation(), /\.git is missing/);
  });

  it('garbage in the HEAD commit object', async () => {
    const head = gitCli(dir, 'rev-parse', 'HEAD').trim();
    overwriteObject(head, 'garbage');
    await expectGitErrors(everyOperation(), new RegExp(`objects/${head.slice(0, 2)}/${head.slice(2)} is corrupt`));
  });

  it('garbage in a tree object of an older version', async () => {
    overwriteObject(gitCli(dir, 'rev-parse', 'HEAD~1:prompts').trim(), 'x'.repeat(40));
    await expectGitErrors(
      [promptHistory(workspace, 'summarize'), promptAtVersion(workspace, 'summarize', 'HEAD~1'), diffPrompt(workspace, 'summarize', 'HEAD~1', 'HEAD')],
      /.+/,
    );
    // The newest version does not need the damaged tree.
    expect((await promptAtVersion(workspace, 'summarize', 'HEAD')).source).toContain('v2');
  });

  it('a missing blob', async () => {
    const blob = gitCli(dir, 'rev-parse', 'HEAD:prompts/summarize.prompt').trim();
    fs.rmSync(path.join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    await expectGitErrors([promptAtVersion(workspace, 'summarize', 'HEAD'), diffPrompt(workspace, 'summarize', 'HEAD', 'working')], /.+/);
  });
});
