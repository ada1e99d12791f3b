// The starter prompts (`prompts/` at the repository root, copied into every new workspace), the
// README's provider table and the fake providers name the same models, so a starter run against
// `npm run fake-providers` reaches a model that answers, and the README says which ids to use.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, splitModelId } from '../../shared/models';
import { parsePromptFile } from '../../electron/core/workspace/promptFile';
import { ANTHROPIC_DEFAULT_MODELS, OLLAMA_DEFAULT_MODELS, OPENAI_DEFAULT_MODELS } from '../support/fakeProviders';
import { starterDir } from '../support/workbenchCli';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Ollama names without a tag mean `:latest`, as the prompt files write them. */
const untagged = (name: string) => name.replace(/:latest$/, '');

/** Every `provider/model` id the fake providers answer to, as prompt files write them. */
const served = new Set([
  ...OPENAI_DEFAULT_MODELS.map((model) => `openai/${model}`),
  ...ANTHROPIC_DEFAULT_MODELS.map((model) => `anthropic/${model}`),
  ...OLLAMA_DEFAULT_MODELS.map((model) => `ollama/${untagged(model)}`),
]);

/** The model ids in the README's "Model providers" table (its second column). */
function readmeModels(): Set<string> {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Model providers'));
  const rows = section.split('\n').filter((line) => line.startsWith('|')).slice(2);
  const ids = rows.flatMap((row) => [...(row.split('|')[2] ?? '').matchAll(/`([^`<>]+\/[^`<>]+)`/g)].map((match) => match[1]!));
  return new Set(ids);
}

function starterModels(): { file: string; model: string }[] {
  return fs
    .readdirSync(starterDir)
    .filter((name) => name.endsWith('.prompt'))
    .sort()
    .flatMap((name) => {
      const parsed = parsePromptFile(name, fs.readFileSync(path.join(starterDir, name), 'utf8'));
      const models = [parsed.model, ...(parsed.sweep?.models ?? [])].filter(Boolean);
      return [...new Set(models)].map((model) => ({ file: name, model }));
    });
}

describe('starter prompts name current models', () => {
  const named = starterModels();

  it('reads models from every starter', () => {
    expect(new Set(named.map((entry) => entry.file)).size).toBeGreaterThanOrEqual(6);
    expect(named.every((entry) => splitModelId(entry.model) !== null)).toBe(true);
  });

  it('names only models the fake providers serve', () => {
    expect(named.filter((entry) => !served.has(entry.model))).toEqual([]);
  });

  it('names only models the README lists for its provider', () => {
    const listed = readmeModels();
    expect(listed.size).toBeGreaterThanOrEqual(3);
    expect(named.filter((entry) => !listed.has(entry.model))).toEqual([]);
  });

  it('lists in the README only models the fake providers serve', () => {
    expect([...readmeModels()].filter((model) => !served.has(model))).toEqual([]);
  });

  it('starts a new workspace on a default model (for prompts that name none) that the fakes serve and the README lists', () => {
    expect(served.has(DEFAULT_MODEL)).toBe(true);
    expect(readmeModels().has(DEFAULT_MODEL)).toBe(true);
  });
});
