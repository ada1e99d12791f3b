import { describe, expect, it } from 'vitest';
import type { PromptDetail } from '../../../shared/prompts';
import { versionRunPreset } from './versionRunPreset';

const prompt = {
  name: 'capital-city',
  model: 'ollama/llama3.2',
  config: { temperature: 0 },
  sweep: { models: ['ollama/llama3.2', 'openai/gpt-4o-mini'], temperatures: [0, 0.7], samples: 20 },
} as unknown as PromptDetail;

describe('versionRunPreset', () => {
  it('repeats the other version’s sweep on this version, so the two compare like for like', () => {
    const preset = versionRunPreset(prompt, 'abc123', { models: ['openai/gpt-4o'], temperatures: [1], cases: ['France'], samplesPerCell: 5 });
    expect(preset).toMatchObject({ prompt: 'capital-city', ref: 'abc123', models: ['openai/gpt-4o'], temperatures: [1], cases: ['France'], samples: 5 });
  });

  it('falls back to the prompt’s own sweep, then its model and temperature', () => {
    expect(versionRunPreset(prompt, 'abc123', null)).toMatchObject({ ref: 'abc123', models: ['ollama/llama3.2', 'openai/gpt-4o-mini'], temperatures: [0, 0.7], samples: 20 });
    const bare = { ...prompt, sweep: undefined } as PromptDetail;
    expect(versionRunPreset(bare, 'abc123', null)).toMatchObject({ models: ['ollama/llama3.2'], temperatures: [0], samples: 10 });
  });

  it('gives no preset when there is no model to start from', () => {
    expect(versionRunPreset({ ...prompt, sweep: undefined, model: '' } as PromptDetail, 'abc123', null)).toBeNull();
  });
});
