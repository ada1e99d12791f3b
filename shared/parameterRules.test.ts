import { describe, expect, it } from 'vitest';
import { cellRefusal } from './parameterRules';

const plain = { seeded: false };

describe('cellRefusal', () => {
  it('refuses Anthropic temperatures above 1, with the range it takes', () => {
    expect(cellRefusal('Anthropic', 'anthropic', 1.5, plain)).toBe('Anthropic takes 0–1');
    expect(cellRefusal('Anthropic', 'anthropic', 1.2, plain)).toBe('Anthropic takes 0–1');
    expect(cellRefusal('Anthropic', 'anthropic', 1, plain)).toBeNull();
    expect(cellRefusal('Anthropic', 'anthropic', 0, plain)).toBeNull();
  });

  it('takes the same temperatures for OpenAI and Ollama', () => {
    for (const temperature of [0, 1.2, 1.5, 2]) {
      expect(cellRefusal('OpenAI', 'openai', temperature, { seeded: true })).toBeNull();
      expect(cellRefusal('Ollama', 'ollama', temperature, { seeded: true })).toBeNull();
    }
  });

  it('refuses a seed where the API has none, and top_p or max tokens out of range', () => {
    expect(cellRefusal('Anthropic', 'anthropic', 0, { seeded: true })).toBe('Anthropic takes no seed');
    expect(cellRefusal('OpenAI', 'openai', 0, { topP: 1.5, seeded: false })).toBe('OpenAI takes top_p 0–1');
    expect(cellRefusal('OpenAI', 'openai', 0, { maxTokens: 10_000_000, seeded: false })).toBe('OpenAI takes at most 128,000 max tokens');
  });
});
