import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { repoRoot, starterDir } from '../support/workbenchCli';

describe('changing prompt files', () => {
  let root: string;
  let core: WorkbenchCore;
  let promptsDir: string;
  beforeEach(async () => {
    root = makeTempDir();
    core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir: starterDir, create: true });
    promptsDir = core.workspace.promptsDir;
    await core.api.setSetting({ key: 'author', value: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  });
  afterEach(async () => {
    await core.close();
    removeDir(root);
  });

  const read = (file: string) => fs.readFileSync(path.join(promptsDir, file), 'utf8');

  it('saves a draft atomically and marks the prompt dirty', async () => {
    const before = await core.api.getPrompt({ name: 'summarize' });
    const source = before.source.replace('faithful summaries', 'faithful, short summaries');
    const after = await core.api.savePrompt({ name: 'summarize', source, expectedHash: before.sourceHash });
    expect(read('summarize.prompt')).toBe(source);
    expect(after.dirty).toBe(true);
    expect(after.sourceHash).not.toBe(before.sourceHash);
    expect(fs.readdirSync(promptsDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never overwrites an edit made on disk since the editor loaded the file', async () => {
    const loaded = await core.api.getPrompt({ name: 'summarize' });
    const outside = loaded.source + '\nEdited in another editor.\n';
    fs.writeFileSync(path.join(promptsDir, 'summarize.prompt'), outside);
    const attempt = core.api.savePrompt({ name: 'summarize', source: 'mine', expectedHash: loaded.sourceHash });
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', details: { diskSource: outside } });
    expect(read('summarize.prompt')).toBe(outside);
  });

  it('saves cases from a table, keeping comments of surviving cases', async () => {
    const loaded = await core.api.getPrompt({ name: 'capital-city' });
    const cases = [...loaded.cases.slice(0, 2), { name: 'Peru', input: { country: 'Peru' } }];
    const saved = await core.api.saveCases({ name: 'capital-city', cases, expectedHash: loaded.casesHash });
    expect(saved.cases).toEqual(cases);
    expect(read('capital-city.cases.yaml')).toContain('# Paris');
    await expect(core.api.saveCases({ name: 'capital-city', cases: [cases[0]!, cases[0]!] })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('creates a prompt from blank or from a starter, and refuses a taken name', async () => {
    const blank = await core.api.createPrompt({ name: 'fresh' });
    expect(blank.problems).toEqual([]);
    expect(blank.caseCount).toBe(1);
    const copy = await core.api.createPrompt({ name: 'triage-2', starter: 'ticket-triage' });
    expect(copy.source).toBe(fs.readFileSync(path.join(repoRoot, 'prompts', 'ticket-triage.prompt'), 'utf8'));
    await expect(core.api.createPrompt({ name: 'fresh' })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(core.api.createPrompt({ name: 'x', starter: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await core.api.listStarters({})).map((s) => s.name)).toContain('ticket-triage');
  });

  it('duplicates a prompt with its cases as a new uncommitted prompt', async () => {
    const copy = await core.api.duplicatePrompt({ name: 'summarize', newName: 'summarize-v2' });
    expect(copy.dirty).toBe(true);
    expect(read('summarize-v2.cases.yaml')).toBe(read('summarize.cases.yaml'));
  });

  it('renames both files in one commit that git follows, leaving other drafts out of it', async () => {
    fs.appendFileSync(path.join(promptsDir, 'capital-city.prompt'), '\nAnother draft.\n');
    const renamed = await core.api.renamePrompt({ name: 'summarize', newName: 'digest' });
    expect(renamed.name).toBe('digest');
    expect(fs.existsSync(path.join(promptsDir, 'summarize.prompt'))).toBe(false);
    expect(gitCli(core.workspace.path, 'status', '--porcelain')).toBe(' M prompts/capital-city.prompt\n');
    expect(gitCli(core.workspace.path, 'show', '--format=', '--name-status', 'HEAD').trim().split('\n').sort()).toEqual(
      ['R100\tprompts/summarize.cases.yaml\tprompts/digest.cases.yaml', 'R100\tprompts/summarize.prompt\tprompts/digest.prompt'],
    );
    expect(gitCli(core.workspace.path, 'log', '-1', '--format=%s')).toBe('Rename summarize to digest\n');
    expect(gitCli(core.workspace.path, 'log', '--follow', '--format=%s', '--', 'prompts/digest.prompt').trim().split('\n')).toEqual([
      'Rename summarize to digest',
      'Add starter prompts',
    ]);
  });

  it('deletes in a commit, saving an uncommitted draft first so both are recoverable', async () => {
    const draft = read('summarize.prompt') + '\nDraft line.\n';
    fs.writeFileSync(path.join(promptsDir, 'summarize.prompt'), draft);
    const deleted = await core.api.deletePrompt({ name: 'summarize' });
    expect(fs.existsSync(path.join(promptsDir, 'summarize.prompt'))).toBe(false);
    expect(gitCli(core.workspace.path, 'log', '-2', '--format=%s').trim().split('\n')).toEqual(['Delete summarize', 'Save draft of summarize before deleting it']);
    expect(gitCli(core.workspace.path, 'show', `${deleted.oid}~1:prompts/summarize.prompt`)).toBe(draft);
    expect(gitCli(core.workspace.path, 'status', '--porcelain')).toBe('');
    expect(() => gitCli(core.workspace.path, 'fsck', '--strict')).not.toThrow();
  });

  it('checks unsaved text live: problems with positions, and the preview for a case', async () => {
    const source = (await core.api.getPrompt({ name: 'capital-city' })).source;
    const ok = await core.api.checkPrompt({ name: 'capital-city', source, case: 'Japan (easy)' });
    expect(ok.problems).toEqual([]);
    expect(ok.rendered?.messages.at(-1)?.content[0]?.text).toContain('Japan');
    const broken = await core.api.checkPrompt({ name: 'capital-city', source: source.replace('{{country}}', '{{shout country}}') });
    expect(broken.problems[0]?.message).toMatch(/Unknown helper "shout"/);
    expect(broken.rendered).toBeNull();
    expect(broken.renderError?.message).toMatch(/^prompts\/capital-city\.prompt:\d+:\d+: Unknown helper/);
  });
});
