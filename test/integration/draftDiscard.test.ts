// Discarding a draft through the contract: the files go back to the last commit exactly, what they
// held comes back to undo with, and the undo writes over nothing that changed since.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

let root: string;
let core: WorkbenchCore;
const file = (name: string) => path.join(root, 'ws', 'prompts', name);
const read = (name: string) => fs.readFileSync(file(name), 'utf8');

beforeAll(async () => {
  root = makeTempDir();
  core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir, create: true });
});

afterAll(async () => {
  await core.close();
  removeDir(root);
});

describe('discarding a draft', () => {
  it('puts the last commit back, hands the draft back, and the undo restores it exactly', async () => {
    const committedSource = read('capital-city.prompt');
    const committedCases = read('capital-city.cases.yaml');
    const draftSource = `${committedSource}Answer in one word.\n`;
    // Written by another editor, comments and all: the undo must keep every byte.
    const draftCases = `# kept as typed\n- name: Peru\n  input: { country: Peru }   # Lima\n`;
    fs.writeFileSync(file('capital-city.prompt'), draftSource);
    fs.writeFileSync(file('capital-city.cases.yaml'), draftCases);

    const discarded = await core.api.discardDraft({ name: 'capital-city' });
    expect(discarded.discarded).toEqual({ source: draftSource, casesSource: draftCases });
    expect(discarded.prompt.dirty).toBe(false);
    expect([read('capital-city.prompt'), read('capital-city.cases.yaml')]).toEqual([committedSource, committedCases]);

    const back = await core.api.restoreDraft({
      name: 'capital-city',
      draft: discarded.discarded,
      expectedSourceHash: discarded.prompt.sourceHash,
      expectedCasesHash: discarded.prompt.casesHash,
    });
    expect(back.dirty).toBe(true);
    expect([read('capital-city.prompt'), read('capital-city.cases.yaml')]).toEqual([draftSource, draftCases]);
  });

  it('does not put a draft back over a file that changed since the discard', async () => {
    fs.appendFileSync(file('summarize.prompt'), 'Mine.\n');
    const discarded = await core.api.discardDraft({ name: 'summarize' });
    fs.appendFileSync(file('summarize.prompt'), 'Someone else’s.\n');
    const refused = core.api.restoreDraft({ name: 'summarize', draft: discarded.discarded, expectedSourceHash: discarded.prompt.sourceHash, expectedCasesHash: discarded.prompt.casesHash });
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('changed since its draft was discarded') });
    expect(read('summarize.prompt')).toContain('Someone else’s.');
  });

  it('says why when there is nothing to discard, or no commit to go back to', async () => {
    await expect(core.api.discardDraft({ name: 'ticket-triage' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('nothing to discard') });
    await core.api.createPrompt({ name: 'brand-new' });
    await expect(core.api.discardDraft({ name: 'brand-new' })).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('never committed') });
  });
});
