import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitObjectReader } from '../../electron/core/workspace/gitObjectReader';
import { commitPrompt, promptHistory } from '../../electron/core/workspace/promptVersions';
import { openWorkspace, type Workspace } from '../../electron/core/workspace/workspace';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

// The fast object reader must read exactly what isomorphic-git and git read, loose or packed.
describe('GitObjectReader', () => {
  let root: string;
  let workspace: Workspace;
  let dir: string;
  beforeEach(async () => {
    root = makeTempDir();
    workspace = await openWorkspace({ workspaceDir: path.join(root, 'ws'), starterDir: starterDir, create: true });
    dir = workspace.path;
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Zoë Ünicode', GIT_AUTHOR_EMAIL: 'zoe@example.com', GIT_COMMITTER_NAME: 'C', GIT_COMMITTER_EMAIL: 'c@example.com' };
    fs.appendFileSync(path.join(dir, 'prompts', 'summarize.prompt'), '\nÉdition ☕\n');
    execFileSync('git', ['-C', dir, 'commit', '--quiet', '-am', 'Ünïcode message\n\nbody ☕', '--date=2021-06-01T08:00:00-07:00'], { env });
    fs.appendFileSync(path.join(dir, 'prompts', 'capital-city.prompt'), '\nmore\n');
    execFileSync('git', ['-C', dir, 'commit', '--quiet', '-am', 'Second', '--date=2022-01-01T00:00:00+09:45'], { env });
  });
  afterEach(() => removeDir(root));

  async function expectSameAsIsomorphicGit(reader: GitObjectReader, oids: string[]) {
    for (const oid of oids) {
      const expected = await git.readCommit({ fs, dir, oid });
      const commit = await reader.readCommit(oid);
      expect(commit).toMatchObject({
        tree: expected.commit.tree,
        parent: expected.commit.parent,
        author: expected.commit.author,
        committer: expected.commit.committer,
        message: expected.commit.message,
      });
      for (const tree of [commit.tree, gitCli(dir, 'rev-parse', `${oid}:prompts`).trim()]) {
        expect(await reader.readTree(tree)).toEqual((await git.readTree({ fs, dir, oid: tree })).tree);
      }
    }
  }

  it('reads loose commits and trees as isomorphic-git does, time zones and UTF-8 included', async () => {
    await expectSameAsIsomorphicGit(new GitObjectReader(dir), gitCli(dir, 'rev-list', 'HEAD').trim().split('\n'));
  });

  it('reads packed objects after `git gc`', async () => {
    const before = await promptHistory(workspace, 'summarize');
    gitCli(dir, 'gc', '--quiet');
    expect(fs.readdirSync(path.join(dir, '.git', 'objects', 'pack')).some((file) => file.endsWith('.pack'))).toBe(true);
    await expectSameAsIsomorphicGit(new GitObjectReader(dir), gitCli(dir, 'rev-list', 'HEAD').trim().split('\n'));
    expect(await promptHistory(workspace, 'summarize')).toEqual(before);

    fs.appendFileSync(path.join(dir, 'prompts', 'summarize.prompt'), '\nafter gc\n');
    await commitPrompt(workspace, 'summarize', 'After gc', { name: 'Ada', email: 'ada@example.com' });
    expect((await promptHistory(workspace, 'summarize')).map((version) => version.summary)).toEqual(['After gc', ...before.map((version) => version.summary)]);
    expect(() => gitCli(dir, 'fsck', '--strict', '--no-dangling')).not.toThrow();
  });

  it('reads a signed commit (multi-line header) and keeps its message', async () => {
    const text = gitCli(dir, 'cat-file', 'commit', 'HEAD');
    const signature = 'gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n';
    const signed = text.replace(/(committer .*\n)/, `$1${signature}`);
    const oid = execFileSync('git', ['-C', dir, 'hash-object', '-t', 'commit', '-w', '--stdin'], { input: signed, encoding: 'utf8' }).trim();
    const commit = await new GitObjectReader(dir).readCommit(oid);
    expect(commit.message).toBe('Second\n');
    expect(commit.parent).toEqual([gitCli(dir, 'rev-parse', 'HEAD~1').trim()]);
  });

  it('refuses an object that is not the type asked for', async () => {
    const blob = gitCli(dir, 'rev-parse', 'HEAD:prompts/summarize.prompt').trim();
    await expect(new GitObjectReader(dir).readCommit(blob)).rejects.toThrow(/is a blob, expected a commit/);
  });
});
