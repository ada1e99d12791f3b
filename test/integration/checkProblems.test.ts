// Check definitions a person wrote wrong show up where the prompt's other problems do: in
// getPrompt (the overview, the prompt list) and in the editor's live check, each at its line; and a
// save from the Cases tab keeps a check it cannot read exactly as written.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type WorkbenchCore } from '../../electron/core/core';
import { makeTempDir, removeDir } from '../support/tempDir';
import { starterDir } from '../support/workbenchCli';

const PROMPT = `---
model: openai/gpt-4o-mini
output:
  format: json
  schema:
    intent: string
metadata:
  workbench:
    checks:
      - json
      - max-words: many
---
Classify {{ticket}}.
`;

const CASES = `- name: reset
  input:
    ticket: I forgot my password
  expect:
    - json-path: $.intent
      equals: account
    - contians: reset
- name: refund
  input:
    ticket: Refund me
  expect:
    - contains: refund
`;

describe('check definitions as problems', () => {
  let root: string;
  let core: WorkbenchCore;
  let promptsDir: string;
  beforeEach(async () => {
    root = makeTempDir();
    core = await openCore({ workspaceDir: path.join(root, 'ws'), starterDir, create: true });
    promptsDir = core.workspace.promptsDir;
    fs.writeFileSync(path.join(promptsDir, 'triage.prompt'), PROMPT);
    fs.writeFileSync(path.join(promptsDir, 'triage.cases.yaml'), CASES);
  });
  afterEach(async () => {
    await core.close();
    removeDir(root);
  });

  it('getPrompt lists a bad prompt-wide check and a bad case check, each at its file and line', async () => {
    const prompt = await core.api.getPrompt({ name: 'triage' });
    expect(prompt.problems).toEqual([
      { file: 'prompts/triage.prompt', line: 11, column: 9, message: expect.stringMatching(/^Prompt check 2: `max-words` takes a whole number/) },
      { file: 'prompts/triage.cases.yaml', line: 7, column: 7, message: expect.stringMatching(/^Case "reset", check 2: "contians" is not a kind of check/) },
    ]);
    expect(prompt.promptChecks).toEqual(['json', { 'max-words': 'many' }]);
  });

  it("the editor's live check shows the bad prompt-wide check at its line", async () => {
    const result = await core.api.checkPrompt({ name: 'triage', source: PROMPT });
    expect(result.problems).toEqual([{ file: 'prompts/triage.prompt', line: 11, column: 9, message: expect.stringMatching(/^Prompt check 2: `max-words`/) }]);
    const fixed = await core.api.checkPrompt({ name: 'triage', source: PROMPT.replace('max-words: many', 'max-words: 1') });
    expect(fixed.problems).toEqual([]);
  });

  it('a cases save keeps every check as written, the ones it cannot read included', async () => {
    const prompt = await core.api.getPrompt({ name: 'triage' });
    const cases = prompt.cases.map((entry) => (entry.name === 'refund' ? { ...entry, input: { ticket: 'Refund me now' } } : entry));
    const saved = await core.api.saveCases({ name: 'triage', cases, expectedHash: prompt.casesHash });
    expect(saved.cases.map((entry) => entry.expect)).toEqual([[{ 'json-path': '$.intent', equals: 'account' }, { contians: 'reset' }], [{ contains: 'refund' }]]);
    expect(fs.readFileSync(path.join(promptsDir, 'triage.cases.yaml'), 'utf8')).toContain('    - contians: reset\n');
  });
});
