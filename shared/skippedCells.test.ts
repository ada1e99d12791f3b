import { describe, expect, it } from 'vitest';
import type { ProviderKind } from './providers';
import { groupSkipped, skipIndex, skippedCells, skipReasons } from './skippedCells';

const kinds: Record<string, { label: string; kind: ProviderKind }> = {
  anthropic: { label: 'Anthropic', kind: 'anthropic' },
  openai: { label: 'OpenAI', kind: 'openai' },
  ollama: { label: 'Ollama', kind: 'ollama' },
};
const providerOf = (model: string) => kinds[model.split('/')[0] ?? ''] ?? null;
const sweep = (models: string[], temperatures: number[], seedMode: 'none' | 'fixed' = 'none') => ({ models, temperatures, seedMode });

describe('skippedCells', () => {
  it("leaves out only the cells a provider cannot take, never another provider's", () => {
    const skipped = skippedCells(sweep(['ollama/llama3.2', 'anthropic/claude-haiku-4-5', 'openai/gpt-4o-mini'], [0, 0.7, 1.0, 1.5]), providerOf);
    expect(skipped).toEqual([{ model: 'anthropic/claude-haiku-4-5', temperature: 1.5, reason: 'Anthropic takes 0–1' }]);
  });

  it('leaves out every cell of a provider that cannot take a shared parameter', () => {
    const skipped = skippedCells(sweep(['anthropic/claude-haiku-4-5', 'openai/gpt-4o-mini'], [0, 0.5], 'fixed'), providerOf);
    expect(skipped.map((cell) => [cell.model, cell.temperature, cell.reason])).toEqual([
      ['anthropic/claude-haiku-4-5', 0, 'Anthropic takes no seed'],
      ['anthropic/claude-haiku-4-5', 0.5, 'Anthropic takes no seed'],
    ]);
  });

  it('says nothing about unknown providers or malformed ids (those are problems of their own)', () => {
    expect(skippedCells(sweep(['nowhere/model', 'no-slash'], [1.5]), providerOf)).toEqual([]);
  });

  it('finds a skipped cell by model and temperature, and names each reason once', () => {
    const skipped = skippedCells(sweep(['anthropic/claude-haiku-4-5'], [0, 1.2, 1.5]), providerOf);
    const find = skipIndex(skipped);
    expect(find('anthropic/claude-haiku-4-5', 1.2)?.reason).toBe('Anthropic takes 0–1');
    expect(find('anthropic/claude-haiku-4-5', 0)).toBeUndefined();
    expect(skipReasons(skipped)).toEqual(['Anthropic takes 0–1']);
  });

  it('groups the temperatures a model leaves out for one reason', () => {
    const skipped = [
      { model: 'anthropic/a', temperature: 1.2, reason: 'Anthropic takes 0–1' },
      { model: 'anthropic/b', temperature: 1.2, reason: 'Anthropic takes 0–1' },
      { model: 'anthropic/a', temperature: 1.5, reason: 'Anthropic takes 0–1' },
    ];
    expect(groupSkipped(skipped)).toEqual([
      { model: 'anthropic/a', reason: 'Anthropic takes 0–1', temperatures: [1.2, 1.5] },
      { model: 'anthropic/b', reason: 'Anthropic takes 0–1', temperatures: [1.2] },
    ]);
  });
});
