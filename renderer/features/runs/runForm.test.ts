import { describe, expect, it } from 'vitest';
import type { PromptDetail } from '../../../shared/prompts';
import type { ProviderStatus } from '../../../shared/providers';
import { buildRunRequest, initialRunForm, normaliseModelId, type RunForm } from './runForm';

const prompt: PromptDetail = {
  name: 'capital-city',
  description: '',
  model: 'ollama/llama3.2',
  dirty: false,
  caseCount: 2,
  problems: [],
  source: '',
  sourceHash: 'h',
  casesHash: 'c',
  casesSource: '',
  template: '',
  config: { temperature: 0 },
  sweep: { models: ['ollama/llama3.2', 'anthropic/claude-3-5-haiku-latest'], temperatures: [0, 0.7], samples: 20 },
  cases: [
    { name: 'France', input: { country: 'France' } },
    { name: 'Japan', input: { country: 'Japan' } },
  ],
};

const provider = (id: string, kind: ProviderStatus['kind'], label: string): ProviderStatus => ({
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
const providers = [provider('ollama', 'ollama', 'Ollama'), provider('anthropic', 'anthropic', 'Anthropic'), provider('openai', 'openai', 'OpenAI')];

const form = (patch: Partial<RunForm> = {}): RunForm => ({ ...initialRunForm(prompt), ...patch });

describe('the run dialog starts from the prompt file', () => {
  it('takes the sweep: models, temperatures, samples and every case', () => {
    expect(initialRunForm(prompt)).toMatchObject({
      ref: null,
      models: ['ollama/llama3.2', 'anthropic/claude-3-5-haiku-latest'],
      temperatures: '0, 0.7',
      samples: '20',
      cases: ['France', 'Japan'],
      seedMode: 'none',
      stream: true,
    });
  });

  it('falls back to the model and temperature of a prompt without a sweep', () => {
    const { sweep: _sweep, ...bare } = prompt;
    expect(initialRunForm(bare)).toMatchObject({ models: ['ollama/llama3.2'], temperatures: '0', samples: '10' });
  });

  it('runs the workspace default model when the prompt names none, and says where to set one when there is none', () => {
    const { sweep: _sweep, ...named } = prompt;
    const unnamed = { ...named, model: '', config: {} };
    expect(initialRunForm(unnamed, undefined, 'openai/gpt-4o-mini')).toMatchObject({ models: ['openai/gpt-4o-mini'], temperatures: '0.7' });
    expect(initialRunForm(named, undefined, 'openai/gpt-4o-mini').models).toEqual(['ollama/llama3.2']);
    const none = initialRunForm(unnamed, undefined, null);
    expect(none.models).toEqual([]);
    expect(buildRunRequest(none, unnamed, providers).problems).toEqual([expect.stringMatching(/names none.*default model.*Settings/)]);
  });

  it('repeats an earlier request', () => {
    const preset = { prompt: 'capital-city', ref: 'abc1234', models: ['openai/gpt-4o'], temperatures: [1], cases: ['Japan'], samples: 3, seedMode: 'fixed', seed: 7, stream: false, maxTokens: 50 } as const;
    expect(initialRunForm(prompt, { ...preset, models: [...preset.models], temperatures: [...preset.temperatures], cases: [...preset.cases] })).toMatchObject({
      ref: 'abc1234',
      models: ['openai/gpt-4o'],
      temperatures: '1',
      samples: '3',
      cases: ['Japan'],
      seedMode: 'fixed',
      seed: '7',
      maxTokens: '50',
      stream: false,
      concurrency: '',
    });
  });
});

describe('building the request', () => {
  it('makes a request, leaving out cases when all are chosen and blanks as absent', () => {
    const { request, problems } = buildRunRequest(form(), prompt, providers);
    expect(problems).toEqual([]);
    expect(request).toEqual({
      prompt: 'capital-city',
      models: ['ollama/llama3.2', 'anthropic/claude-3-5-haiku-latest'],
      temperatures: [0, 0.7],
      samples: 20,
      seedMode: 'none',
      seed: 42,
      stream: true,
    });
  });

  it('names the chosen cases, the version and the optional numbers', () => {
    const { request } = buildRunRequest(form({ cases: ['Japan'], ref: 'abc1234', maxTokens: '64', concurrency: '2' }), prompt, providers);
    expect(request).toMatchObject({ cases: ['Japan'], ref: 'abc1234', maxTokens: 64, concurrency: 2 });
  });

  it('refuses a sweep a provider cannot take, before asking the core', () => {
    const { request, problems } = buildRunRequest(form({ temperatures: '0, 1.5' }), prompt, providers);
    expect(request).toBeNull();
    expect(problems).toEqual(['Anthropic takes temperatures from 0 to 1; remove 1.5 from the sweep.']);
  });

  it('refuses a seed for a provider that takes none', () => {
    const { problems } = buildRunRequest(form({ seedMode: 'per-sample' }), prompt, providers);
    expect(problems).toEqual(['Anthropic does not take a seed; choose "no seed" to include its models.']);
  });

  it('names malformed ids and unknown providers', () => {
    const { problems } = buildRunRequest(form({ models: ['gpt-4o', 'lmstudio/qwen'] }), prompt, providers);
    expect(problems).toEqual([
      '“gpt-4o” is not a model id: write it as provider/model, e.g. openai/gpt-4o-mini.',
      'There is no provider named “lmstudio”: add it as an OpenAI-compatible endpoint in Settings.',
    ]);
  });

  it('checks providers only once they are known', () => {
    expect(buildRunRequest(form({ models: ['lmstudio/qwen'] }), prompt, undefined).problems).toEqual([]);
  });

  it('lists every field that is wrong', () => {
    const { problems } = buildRunRequest(
      form({ models: [], temperatures: 'hot', samples: '0', seedMode: 'fixed', seed: '-1', maxTokens: '1.5', concurrency: '100', cases: [] }),
      prompt,
      providers,
    );
    expect(problems).toEqual([
      'Temperatures: “hot” is not a number.',
      'Choose at least one model.',
      'Samples per cell: give a whole number from 1 to 1,000.',
      'Seed: give a whole number from 0 to 2147483647.',
      'Max tokens: give a whole number of at least 1, or leave it blank.',
      'Concurrency: give a whole number from 1 to 64, or leave it blank.',
      'Choose at least one case.',
    ]);
  });
});

describe('typed model ids', () => {
  it('lowers the provider and keeps the model as written', () => {
    expect(normaliseModelId('  OpenAI/GPT-4o ')).toBe('openai/GPT-4o');
    expect(normaliseModelId('gpt-4o')).toBe('gpt-4o');
  });
});
