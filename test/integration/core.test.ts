import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { gitCli } from '../support/git';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

describe('the core on a real workspace', () => {
  let root: string;
  let core: WorkbenchCore;
  beforeEach(async () => {
    root = makeTempDir();
    core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir: starterDir, create: true, watch: true });
  });
  afterEach(async () => {
    await core.close();
    removeDir(root);
  });

  it('describes the workspace: path, branch, head commit, database', async () => {
    const info = await core.api.getWorkspace({});
    expect(info).toMatchObject({ path: path.join(root, 'ws'), name: 'ws', branch: 'main', head: { message: 'Add starter prompts' } });
    expect(info.head?.oid).toMatch(/^[0-9a-f]{40}$/);
    expect(info.databasePath).toBe(path.join(root, 'ws', '.workbench', 'workbench.db'));
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('every starter prompt parses cleanly and has at least three cases', async () => {
    const prompts = await core.api.listPrompts({});
    expect(prompts.length).toBeGreaterThanOrEqual(5);
    for (const prompt of prompts) {
      expect(prompt.problems, prompt.name).toEqual([]);
      expect(prompt.caseCount, prompt.name).toBeGreaterThanOrEqual(3);
    }
    const triage = await core.api.getPrompt({ name: 'ticket-triage' });
    expect(triage.outputFormat).toBe('json');
    expect(Object.keys(triage.outputSchema as object)).toEqual(expect.arrayContaining([expect.stringMatching(/^intent/), expect.stringMatching(/^escalate/), expect.stringMatching(/^confidence/)]));
  });

  it('lists a malformed prompt with its problem instead of failing', async () => {
    fs.writeFileSync(path.join(core.workspace.promptsDir, 'broken.prompt'), '---\nmodel: [oops\n---\nHello');
    const prompts = await core.api.listPrompts({});
    const broken = prompts.find((p) => p.name === 'broken');
    expect(broken?.dirty).toBe(true);
    expect(broken?.problems[0]).toMatchObject({ file: 'prompts/broken.prompt', line: expect.any(Number), message: expect.stringMatching(/Invalid YAML/) });
    expect(prompts.filter((p) => p.problems.length === 0).length).toBe(prompts.length - 1);
  });

  it('announces a prompt edited on disk by another program within 2 seconds', async () => {
    const announced = new Promise<unknown>((resolve) => core.events.onAny((event, payload) => event === 'promptsChanged' && resolve(payload)));
    const started = Date.now();
    fs.appendFileSync(path.join(core.workspace.promptsDir, 'summarize.prompt'), '\nBe brief.\n');
    expect(await announced).toEqual({ names: ['summarize'] });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('announces a commit made with the git command within 2 seconds', async () => {
    const announced = new Promise<void>((resolve) => core.events.onAny((event) => event === 'repositoryChanged' && resolve()));
    fs.appendFileSync(path.join(core.workspace.promptsDir, 'summarize.prompt'), '\nBe brief.\n');
    const started = Date.now();
    gitCli(core.workspace.path, '-c', 'user.name=Git User', '-c', 'user.email=git@example.com', 'commit', '-qam', 'Edit with git');
    await announced;
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await core.api.listPrompts({})).find((p) => p.name === 'summarize')?.dirty).toBe(false);
  });

  it('saves settings and announces the change', async () => {
    const seen: unknown[] = [];
    core.events.onAny((event, payload) => seen.push({ event, payload }));
    const expected = { ...defaultSettings, theme: 'dark' };
    expect(await core.api.setSetting({ key: 'theme', value: 'dark' })).toEqual(expected);
    expect(await core.api.getSettings({})).toEqual(expected);
    expect(seen).toEqual([{ event: 'settingsChanged', payload: expected }]);
  });
});
