import { describe, expect, it } from 'vitest';
import { parameterProblems } from './parameterRules';

describe('parameterProblems', () => {
  it('refuses Anthropic temperatures above 1 and names them', () => {
    const problems = parameterProblems('Anthropic', 'anthropic', { temperatures: [0, 0.7, 1.2, 1.5], seeded: false });
    expect(problems).toEqual(['Anthropic takes temperatures from 0 to 1; remove 1.2, 1.5 from the sweep.']);
  });

  it('accepts the same sweep for OpenAI and Ollama', () => {
    expect(parameterProblems('OpenAI', 'openai', { temperatures: [0, 1.2, 2], seeded: true })).toEqual([]);
    expect(parameterProblems('Ollama', 'ollama', { temperatures: [0, 1.5], seeded: true })).toEqual([]);
  });

  it('refuses a seed where the API has none, and top_p or max tokens out of range', () => {
    expect(parameterProblems('Anthropic', 'anthropic', { temperatures: [0], seeded: true })[0]).toMatch(/does not take a seed/);
    expect(parameterProblems('OpenAI', 'openai', { temperatures: [0], topP: 1.5, seeded: false })[0]).toMatch(/top_p from 0 to 1/);
    expect(parameterProblems('OpenAI', 'openai', { temperatures: [0], maxTokens: 10_000_000, seeded: false })[0]).toMatch(/at most/);
  });
});
