import { describe, expect, it } from 'vitest';
import { defaultModel, defaultTemperature, parseTemperature } from './tryOnceDefaults';

const sweep = { models: ['openai/gpt-4o', 'ollama/qwen2.5'], temperatures: [0.3, 1], samples: 5 };

describe('Try once defaults', () => {
  it('starts from the front matter’s model, then the sweep’s first, then the workspace default', () => {
    expect(defaultModel({ model: 'anthropic/claude-haiku-4-5', sweep }, 'ollama/llama3.2')).toBe('anthropic/claude-haiku-4-5');
    expect(defaultModel({ model: '', sweep }, 'ollama/llama3.2')).toBe('openai/gpt-4o');
    expect(defaultModel({ model: '' }, 'ollama/llama3.2')).toBe('ollama/llama3.2');
    expect(defaultModel({ model: '' }, null)).toBe('');
  });

  it('takes the editor’s temperature over the saved file’s and the sweep’s', () => {
    expect(defaultTemperature({ temperature: 0.2 }, { config: { temperature: 0.9 }, sweep })).toBe(0.2);
    expect(defaultTemperature(undefined, { config: { temperature: 0.9 }, sweep })).toBe(0.9);
    expect(defaultTemperature({}, { config: {}, sweep })).toBe(0.3);
    expect(defaultTemperature({ temperature: 'hot' }, { config: {} })).toBe(1);
  });

  it('reads a typed temperature, or says what is wrong', () => {
    expect(parseTemperature(' 0.7 ')).toEqual({ value: 0.7, error: null });
    expect(parseTemperature('')).toMatchObject({ value: null, error: 'Write a number, e.g. 0.7.' });
    expect(parseTemperature('2.5')).toMatchObject({ error: 'Temperatures go from 0 to 2.' });
  });
});
