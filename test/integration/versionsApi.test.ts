import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

// The versions methods through the contract: inputs parsed as the transports parse them, and every
// output valid against the contract's schema.
describe('versions through the contract', () => {
  let root: string;
  let core: WorkbenchCore;
  const call = async <K extends 'commitPrompt' | 'promptHistory' | 'promptAtVersion' | 'diffPrompt' | 'restorePrompt'>(method: K, input: unknown) => {
    const spec = api.methods[method];
    const implementation = core.api[method] as (input: unknown) => Promise<unknown>;
    return spec.output.parse(await implementation(spec.input.parse(input)));
  };

  beforeEach(async () => {
    root = makeTempDir();
    core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir: starterDir, create: true });
    await core.api.setSetting({ key: 'author', value: { name: 'Ada Lovelace', email: 'ada@example.com' } });
  });
  afterEach(async () => {
    await core.close();
    removeDir(root);
  });

  it('commits with the author from settings, then lists, reads, diffs and restores', async () => {
    const file = path.join(core.workspace.promptsDir, 'capital-city.prompt');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replace('exactly one word', 'exactly two words'));

    const version = await call('commitPrompt', { name: 'capital-city', message: '  Two words  ' });
    expect(version).toMatchObject({ summary: 'Two words', author: { name: 'Ada Lovelace', email: 'ada@example.com' } });

    const history = await call('promptHistory', { name: 'capital-city' });
    expect(history).toHaveLength(2);

    const old = await call('promptAtVersion', { name: 'capital-city', ref: 'HEAD~1' });
    expect(old).toMatchObject({ source: original });

    const diff = (await call('diffPrompt', { name: 'capital-city', from: 'HEAD~1' })) as { to: string; files: { status: string }[] };
    expect(diff.to).toBe('working');
    expect(diff.files.map((f) => f.status)).toEqual(['modified', 'unchanged']);

    const restored = (await call('restorePrompt', { name: 'capital-city', ref: 'HEAD~1' })) as { source: string; dirty: boolean };
    expect(restored.source).toBe(original);
    expect(restored.dirty).toBe(true);
  });

  it('refuses bad input at the boundary', async () => {
    await expect(call('commitPrompt', { name: 'capital-city', message: '   ' })).rejects.toThrow(/Write a commit message/);
    await expect(call('promptAtVersion', { name: 'capital-city', ref: 'HEAD@{1}' })).rejects.toThrow(/Use a commit id/);
  });
});
