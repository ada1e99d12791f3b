import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPrompts } from '../../electron/core/workspace/promptList';
import { commitPrompt, promptAtVersion, promptHistory, resolveRef, restorePrompt } from '../../electron/core/workspace/promptVersions';
import { openWorkspace, type Workspace } from '../../electron/core/workspace/workspace';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
const gitAsBob = ['-c', 'user.name=Bob Git', '-c', 'user.email=bob@example.com'];

describe('prompt versions in the embedded git repository', () => {
  let root: string;
  let workspace: Workspace;
  let dir: string;
  const file = (name: string) => path.join(dir, 'prompts', name);
  const append = (name: string, text: string) => fs.appendFileSync(file(name), text);
  const statusLines = () => gitCli(dir, 'status', '--porcelain').replace(/\n$/, '').split('\n').sort();

  beforeEach(async () => {
    root = makeTempDir();
    workspace = await openWorkspace({ workspaceDir: path.join(root, 'ws'), starterDir: starterDir, create: true });
    dir = workspace.path;
  });
  afterEach(() => removeDir(root));

  describe('commitPrompt', () => {
    it('commits only this prompt: other drafts stay uncommitted', async () => {
      append('summarize.prompt', '\nKeep it short.\n');
      append('summarize.cases.yaml', '- name: tiny\n  input:\n    document: Hi.\n');
      append('capital-city.prompt', '\nAnswer in English.\n');
      append('ticket-triage.cases.yaml', '\n# a note\n');

      const version = await commitPrompt(workspace, 'summarize', 'Ask for shorter summaries', ada);

      expect(version).toMatchObject({ summary: 'Ask for shorter summaries', author: ada });
      expect(version.oid).toBe(gitCli(dir, 'rev-parse', 'HEAD').trim());
      expect(version.shortOid).toBe(version.oid.slice(0, 7));
      expect(gitCli(dir, 'show', 'HEAD', '--name-only', '--format=').trim().split('\n')).toEqual([
        'prompts/summarize.cases.yaml',
        'prompts/summarize.prompt',
      ]);
      expect(gitCli(dir, 'show', 'HEAD', '--stat', '--format=')).toMatch(/2 files changed/);
      expect(statusLines()).toEqual([' M prompts/capital-city.prompt', ' M prompts/ticket-triage.cases.yaml']);
      const dirty = (await listPrompts(workspace)).filter((prompt) => prompt.dirty).map((prompt) => prompt.name);
      expect(dirty.sort()).toEqual(['capital-city', 'ticket-triage']);
    });

    it('records the author and committer that git shows', async () => {
      append('summarize.prompt', '\nOne more line.\n');
      await commitPrompt(workspace, 'summarize', 'Add a line\n\nBecause the summaries ran long.', ada);
      expect(gitCli(dir, 'log', '-1', '--format=%an%n%ae%n%cn%n%ce%n%s%n%b')).toBe(
        'Ada Lovelace\nada@example.com\nAda Lovelace\nada@example.com\nAdd a line\nBecause the summaries ran long.\n\n',
      );
    });

    it('leaves what the user staged with git for other files staged and out of the commit', async () => {
      append('capital-city.prompt', '\nStaged by hand.\n');
      gitCli(dir, 'add', 'prompts/capital-city.prompt');
      append('summarize.prompt', '\nMine.\n');

      await commitPrompt(workspace, 'summarize', 'Only summarize', ada);

      expect(gitCli(dir, 'show', 'HEAD', '--name-only', '--format=').trim()).toBe('prompts/summarize.prompt');
      expect(gitCli(dir, 'status', '--porcelain')).toBe('M  prompts/capital-city.prompt\n');
    });

    it('commits a new prompt and a deleted cases file', async () => {
      fs.writeFileSync(file('haiku.prompt'), '---\nmodel: ollama/llama3.2\n---\nWrite a haiku about {{topic}}.\n');
      await commitPrompt(workspace, 'haiku', 'Add haiku', ada);
      expect(gitCli(dir, 'show', 'HEAD', '--name-status', '--format=').trim()).toBe('A\tprompts/haiku.prompt');

      fs.rmSync(file('summarize.cases.yaml'));
      await commitPrompt(workspace, 'summarize', 'Drop the cases', ada);
      expect(gitCli(dir, 'show', 'HEAD', '--name-status', '--format=').trim()).toBe('D\tprompts/summarize.cases.yaml');
      expect(gitCli(dir, 'status', '--porcelain')).toBe('');
    });

    it('commits a deleted prompt', async () => {
      fs.rmSync(file('summarize.prompt'));
      fs.rmSync(file('summarize.cases.yaml'));
      await commitPrompt(workspace, 'summarize', 'Remove summarize', ada);
      expect(gitCli(dir, 'ls-files', 'prompts/summarize.*')).toBe('');
      expect(gitCli(dir, 'status', '--porcelain')).toBe('');
    });

    it('says there is nothing to commit when neither file changed', async () => {
      append('capital-city.prompt', '\nOther prompt.\n');
      const attempt = commitPrompt(workspace, 'summarize', 'Nothing', ada);
      await expect(attempt).rejects.toMatchObject({ code: 'NOTHING_TO_COMMIT', message: expect.stringMatching(/^"summarize" has no changes to commit/) });
      expect(gitCli(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('1');
    });

    it('NOT_FOUND for a prompt that exists neither in the working tree nor in HEAD', async () => {
      await expect(commitPrompt(workspace, 'ghost', 'Boo', ada)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no prompt named "ghost"/) });
    });

    it('keeps git fsck --strict clean after 50 commits', async () => {
      for (let i = 0; i < 50; i++) {
        append('summarize.prompt', `\nRevision ${i}.\n`);
        if (i % 5 === 0) append('summarize.cases.yaml', `\n# revision ${i}\n`);
        await commitPrompt(workspace, 'summarize', `Revision ${i}`, ada);
      }
      expect(gitCli(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('51');
      expect(() => gitCli(dir, 'fsck', '--strict', '--no-dangling')).not.toThrow();
      expect(gitCli(dir, 'status', '--porcelain')).toBe('');
    });

    it('serialises commits made at the same time', async () => {
      append('summarize.prompt', '\nA.\n');
      append('capital-city.prompt', '\nB.\n');
      await Promise.all([commitPrompt(workspace, 'summarize', 'A', ada), commitPrompt(workspace, 'capital-city', 'B', ada)]);
      expect(gitCli(dir, 'log', '--format=%s').trim().split('\n').slice(0, 2).sort()).toEqual(['A', 'B']);
      expect(gitCli(dir, 'status', '--porcelain')).toBe('');
    });

    it('works in a repository with no commits yet', async () => {
      const bare = path.join(root, 'fresh');
      fs.mkdirSync(path.join(bare, 'prompts'), { recursive: true });
      gitCli(bare, 'init', '--quiet', '--initial-branch=main');
      fs.writeFileSync(path.join(bare, 'prompts', 'first.prompt'), 'Hello {{name}}\n');
      const fresh = await openWorkspace({ workspaceDir: bare, starterDir: starterDir });

      expect(await promptHistory(fresh, 'first')).toEqual([]);
      const version = await commitPrompt(fresh, 'first', 'First prompt', ada);

      expect(gitCli(bare, 'log', '--format=%H parents:%P')).toBe(`${version.oid} parents:\n`);
      expect(gitCli(bare, 'ls-tree', '-r', '--name-only', 'HEAD').trim()).toBe('prompts/first.prompt');
    });
  });

  describe('promptHistory', () => {
    it('lists the commits that changed the prompt, newest first, with the fields the UI shows', async () => {
      append('summarize.prompt', '\nv2\n');
      const v2 = await commitPrompt(workspace, 'summarize', 'Second version\n\nWith a body.', ada);
      append('capital-city.prompt', '\nnot summarize\n');
      await commitPrompt(workspace, 'capital-city', 'Unrelated', ada);
      append('summarize.cases.yaml', '\n# cases only\n');
      const v3 = await commitPrompt(workspace, 'summarize', 'Cases only', ada);

      const history = await promptHistory(workspace, 'summarize');

      expect(history.map((version) => version.summary)).toEqual(['Cases only', 'Second version', 'Add starter prompts']);
      expect(history.map((version) => version.oid)).toEqual([v3.oid, v2.oid, gitCli(dir, 'rev-list', '--max-parents=0', 'HEAD').trim()]);
      expect(history[1]).toMatchObject({ message: 'Second version\n\nWith a body.', author: ada, shortOid: v2.oid.slice(0, 7) });
      expect(history[1]?.date).toBe(gitCli(dir, 'log', '-1', '--format=%aI', v2.oid).trim());
      expect(await promptHistory(workspace, 'summarize', 2)).toEqual(history.slice(0, 2));
    });

    it('includes commits made with the git command line, with their time zone', async () => {
      append('summarize.prompt', '\nEdited in vim.\n');
      gitCli(dir, ...gitAsBob, 'commit', '--quiet', '-am', 'Edit by hand');
      const iso = '2024-03-01T10:15:00+05:30';
      append('summarize.prompt', '\nEdited again.\n');
      gitCli(dir, ...gitAsBob, '-c', 'core.quotepath=off', 'commit', '--quiet', '-am', 'Dated edit', `--date=${iso}`);

      const [dated, byHand] = await promptHistory(workspace, 'summarize');

      expect(byHand).toMatchObject({ summary: 'Edit by hand', author: { name: 'Bob Git', email: 'bob@example.com' } });
      expect(dated?.date).toBe(iso);
    });

    it('follows merges as `git log` does', async () => {
      gitCli(dir, 'checkout', '--quiet', '-b', 'side');
      append('capital-city.prompt', '\nside change\n');
      gitCli(dir, ...gitAsBob, 'commit', '--quiet', '-am', 'Side: capital-city');
      append('summarize.prompt', '\nside summarize\n');
      gitCli(dir, ...gitAsBob, 'commit', '--quiet', '-am', 'Side: summarize');
      gitCli(dir, 'checkout', '--quiet', 'main');
      append('summarize.cases.yaml', '\n# main\n');
      gitCli(dir, ...gitAsBob, 'commit', '--quiet', '-am', 'Main: summarize cases');
      gitCli(dir, ...gitAsBob, 'merge', '--quiet', '--no-edit', 'side');

      const expected = gitCli(dir, 'log', '--format=%H', '--', 'prompts/summarize.prompt', 'prompts/summarize.cases.yaml').trim().split('\n');
      expect((await promptHistory(workspace, 'summarize')).map((version) => version.oid).sort()).toEqual(expected.sort());
      expect((await promptHistory(workspace, 'capital-city')).map((version) => version.summary)).toEqual(['Side: capital-city', 'Add starter prompts']);
    });

    it('is empty for a prompt that was never committed', async () => {
      fs.writeFileSync(file('draft-only.prompt'), 'Hi\n');
      expect(await promptHistory(workspace, 'draft-only')).toEqual([]);
    });
  });

  describe('resolveRef', () => {
    it('reads full and short ids, HEAD, HEAD~n, HEAD^, branches, tags and <ref>~n', async () => {
      const oids: string[] = [gitCli(dir, 'rev-parse', 'HEAD').trim()];
      for (let i = 1; i <= 3; i++) {
        append('summarize.prompt', `\nv${i}\n`);
        oids.unshift((await commitPrompt(workspace, 'summarize', `v${i}`, ada)).oid);
      }
      gitCli(dir, 'tag', 'light', oids[1] as string);
      gitCli(dir, ...gitAsBob, 'tag', '-a', '-m', 'annotated', 'annotated', oids[2] as string);
      const cases: [string, string][] = [
        [oids[0] as string, oids[0] as string],
        [(oids[1] as string).slice(0, 7), oids[1] as string],
        [(oids[2] as string).slice(0, 4).toUpperCase(), oids[2] as string],
        ['HEAD', oids[0] as string],
        ['HEAD~1', oids[1] as string],
        ['HEAD^', oids[1] as string],
        ['HEAD~3', oids[3] as string],
        ['HEAD^^~1', oids[3] as string],
        ['main~2', oids[2] as string],
        ['light', oids[1] as string],
        ['annotated', oids[2] as string],
        ['annotated~1', oids[3] as string],
        [`${(oids[0] as string).slice(0, 10)}~2`, oids[2] as string],
      ];
      for (const [ref, oid] of cases) {
        expect(await resolveRef(workspace, ref), ref).toBe(oid);
        expect(gitCli(dir, 'rev-parse', `${ref}^{commit}`).trim(), `git agrees on ${ref}`).toBe(oid);
      }
    });

    it.each(['HEAD~5', 'deadbeef', 'no-such-branch', '0123456789012345678901234567890123456789', 'HEAD^2', '../HEAD', 'refs/../HEAD', '.git/HEAD'])('NOT_FOUND for %s', async (ref) => {
      const attempt = resolveRef(workspace, ref);
      await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(attempt).rejects.toThrow(/workbench history <name>.*HEAD~n/);
    });

    it('says a blob id is not a commit', async () => {
      const blob = gitCli(dir, 'rev-parse', 'HEAD:prompts/summarize.prompt').trim();
      await expect(resolveRef(workspace, blob)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/is not a commit/) });
    });
  });

  describe('promptAtVersion and restorePrompt', () => {
    let original: string;
    let originalCases: string;
    beforeEach(async () => {
      original = fs.readFileSync(file('summarize.prompt'), 'utf8');
      originalCases = fs.readFileSync(file('summarize.cases.yaml'), 'utf8');
      fs.writeFileSync(file('summarize.prompt'), original.replace('faithful summaries', 'punchy summaries'));
      fs.rmSync(file('summarize.cases.yaml'));
      await commitPrompt(workspace, 'summarize', 'Punchier, no cases', ada);
    });

    it('reads both files as they were at a version', async () => {
      expect(await promptAtVersion(workspace, 'summarize', 'HEAD~1')).toEqual({
        oid: gitCli(dir, 'rev-parse', 'HEAD~1').trim(),
        source: original,
        casesSource: originalCases,
      });
      expect(await promptAtVersion(workspace, 'summarize', 'HEAD')).toMatchObject({ casesSource: null, source: expect.stringContaining('punchy') });
    });

    it('NOT_FOUND when the prompt did not exist at that version', async () => {
      fs.writeFileSync(file('later.prompt'), 'Later\n');
      await commitPrompt(workspace, 'later', 'Add later', ada);
      await expect(promptAtVersion(workspace, 'later', 'HEAD~1')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/"later" did not exist at/) });
      await expect(restorePrompt(workspace, 'later', 'HEAD~1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(fs.readFileSync(file('later.prompt'), 'utf8')).toBe('Later\n');
    });

    it('restores an old version as a draft, like `git checkout <ref> -- files`, without touching history', async () => {
      const head = gitCli(dir, 'rev-parse', 'HEAD').trim();
      await restorePrompt(workspace, 'summarize', 'HEAD~1');

      expect(fs.readFileSync(file('summarize.prompt'), 'utf8')).toBe(original);
      expect(fs.readFileSync(file('summarize.cases.yaml'), 'utf8')).toBe(originalCases);
      expect(gitCli(dir, 'rev-parse', 'HEAD').trim()).toBe(head);
      expect(gitCli(dir, 'rev-list', '--count', 'HEAD').trim()).toBe('2');
      expect(fs.readFileSync(file('summarize.prompt'), 'utf8')).toBe(gitCli(dir, 'show', 'HEAD~1:prompts/summarize.prompt'));
      expect(fs.readFileSync(file('summarize.cases.yaml'), 'utf8')).toBe(gitCli(dir, 'show', 'HEAD~1:prompts/summarize.cases.yaml'));
      expect(statusLines()).toEqual([' M prompts/summarize.prompt', '?? prompts/summarize.cases.yaml']);
      expect(fs.readdirSync(path.join(dir, 'prompts')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

      await restorePrompt(workspace, 'summarize', 'HEAD');
      expect(fs.existsSync(file('summarize.cases.yaml'))).toBe(false);
      expect(gitCli(dir, 'status', '--porcelain')).toBe('');
    });
  });
});
