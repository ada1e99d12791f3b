// The prompt list parses a prompt again only when its text changed, so it must see every change
// made by any program at the next listing: an edit of the same length, a cases file turned into a
// link and back, a prompt renamed away.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPrompts } from '../../electron/core/workspace/promptList';
import { openWorkspace, type Workspace } from '../../electron/core/workspace/workspace';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

describe('listPrompts, listed again after changes on disk', () => {
  let root: string;
  let workspace: Workspace;
  const file = (name: string) => path.join(workspace.path, 'prompts', name);
  const summary = async (name: string) => (await listPrompts(workspace)).find((prompt) => prompt.name === name);

  beforeEach(async () => {
    root = makeTempDir();
    workspace = await openWorkspace({ workspaceDir: path.join(root, 'ws'), starterDir, create: true });
  });
  afterEach(() => removeDir(root));

  it('sees an edit that keeps the file the same length, and the prompt turning dirty', async () => {
    fs.writeFileSync(file('tiny.prompt'), '---\ndescription: Alpha\nmodel: ollama/a\n---\nHi\n');
    expect(await summary('tiny')).toMatchObject({ description: 'Alpha', model: 'ollama/a', dirty: true });
    fs.writeFileSync(file('tiny.prompt'), '---\ndescription: Omega\nmodel: ollama/b\n---\nHi\n');
    expect(await summary('tiny')).toMatchObject({ description: 'Omega', model: 'ollama/b', dirty: true });
  });

  it('follows git: a commit made with plain git clears the mark, and so does putting the text back', async () => {
    fs.appendFileSync(file('summarize.prompt'), '\nKeep it short.\n');
    expect((await summary('summarize'))?.dirty).toBe(true);
    gitCli(workspace.path, '-c', 'user.name=Bob', '-c', 'user.email=bob@example.com', 'commit', '-qam', 'Shorter');
    expect((await summary('summarize'))?.dirty).toBe(false);
    const committed = fs.readFileSync(file('summarize.prompt'), 'utf8');
    fs.writeFileSync(file('summarize.prompt'), `${committed}More.\n`);
    expect((await summary('summarize'))?.dirty).toBe(true);
    fs.writeFileSync(file('summarize.prompt'), committed);
    expect((await summary('summarize'))?.dirty).toBe(false);
    gitCli(workspace.path, 'checkout', '-q', 'HEAD~1', '--', 'prompts/summarize.prompt');
    expect((await summary('summarize'))?.dirty).toBe(true);
  });

  it('lists a cases file that became a link as a problem, and forgets the problem once it is a file again', async () => {
    const cases = file('summarize.cases.yaml');
    const before = await summary('summarize');
    expect(before?.problems).toEqual([]);
    const text = fs.readFileSync(cases, 'utf8');
    fs.renameSync(cases, path.join(root, 'elsewhere.yaml'));
    fs.symlinkSync(path.join(root, 'elsewhere.yaml'), cases);
    expect((await summary('summarize'))?.problems.map((problem) => problem.file)).toEqual(['prompts/summarize.cases.yaml']);
    expect((await summary('summarize'))?.caseCount).toBe(0);
    fs.unlinkSync(cases);
    fs.writeFileSync(cases, text);
    expect(await summary('summarize')).toEqual(before);
  });

  it('drops a prompt renamed away and lists it under its new name', async () => {
    fs.renameSync(file('summarize.prompt'), file('digest.prompt'));
    const names = (await listPrompts(workspace)).map((prompt) => prompt.name);
    expect(names).toContain('digest');
    expect(names).not.toContain('summarize');
    fs.renameSync(file('digest.prompt'), file('summarize.prompt'));
    expect((await listPrompts(workspace)).map((prompt) => prompt.name)).toContain('summarize');
  });

  it('lists a prompt file that cannot be opened with its problem, and again normally once it can', async () => {
    const prompt = file('summarize.prompt');
    const text = fs.readFileSync(prompt, 'utf8');
    await summary('summarize');
    fs.unlinkSync(prompt);
    fs.symlinkSync(path.join(root, 'nowhere.prompt'), prompt);
    expect((await summary('summarize'))?.problems[0]?.message).toMatch(/link/);
    fs.unlinkSync(prompt);
    fs.writeFileSync(prompt, text);
    expect((await summary('summarize'))?.problems).toEqual([]);
  });
});
