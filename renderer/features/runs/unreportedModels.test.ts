import { describe, expect, it } from 'vitest';
import type { ProviderHealth, ProviderStatus } from '../../../shared/providers';
import { unreportedMessage, unreportedModels } from './unreportedModels';

const status = (id: string, kind: ProviderStatus['kind'], label: string): ProviderStatus => ({
  id,
  kind,
  label,
  baseUrl: 'http://x',
  baseUrlSource: 'default',
  keySource: 'none',
  keyVariable: null,
  keyRequired: false,
  concurrency: 1,
});
const health = (provider: string, models: string[], ok = true): ProviderHealth => ({
  provider,
  ok,
  message: ok ? 'Reachable' : 'Not running',
  models: models.map((model) => ({ id: `${provider}/${model}`, provider, model, sizeBytes: null, family: null, parameterSize: null })),
  checkedAt: '2026-01-01T00:00:00Z',
});

const providers = [status('anthropic', 'anthropic', 'Anthropic'), status('ollama', 'ollama', 'Ollama'), status('openai', 'openai', 'OpenAI')];

describe('models their provider did not report', () => {
  it('names a chosen model missing from its provider’s list', () => {
    const checks = [health('anthropic', ['claude-haiku-4-5']), health('ollama', ['llama3.2']), health('openai', ['gpt-4o-mini'])];
    const chosen = ['anthropic/claude-3-5-haiku-latest', 'anthropic/claude-haiku-4-5', 'ollama/llama3.2', 'openai/gpt-4o-mini'];
    expect(unreportedModels(chosen, providers, checks)).toEqual([{ model: 'anthropic/claude-3-5-haiku-latest', provider: 'Anthropic' }]);
  });

  it('takes Ollama’s :latest as the untagged name', () => {
    expect(unreportedModels(['ollama/llama3.2:latest'], providers, [undefined, health('ollama', ['llama3.2']), undefined])).toEqual([]);
  });

  it('says nothing before a check, or about a provider that did not answer', () => {
    expect(unreportedModels(['anthropic/x'], providers, [undefined, undefined, undefined])).toEqual([]);
    expect(unreportedModels(['anthropic/x'], providers, [health('anthropic', [], false), undefined, undefined])).toEqual([]);
    expect(unreportedModels(['nowhere/x', 'no-slash'], providers, [])).toEqual([]);
  });

  it('words the warning as a warning', () => {
    expect(unreportedMessage({ model: 'anthropic/x', provider: 'Anthropic' })).toBe('“anthropic/x” is not among the models Anthropic reported: check the name. It may still exist, so you can start anyway.');
  });
});
