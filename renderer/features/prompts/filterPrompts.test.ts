import { describe, expect, it } from 'vitest';
import type { PromptSummary } from '../../../shared/prompts';
import { filterPrompts } from './filterPrompts';

const prompt = (name: string, description: string, model = 'ollama/llama3.2'): PromptSummary => ({
  name,
  description,
  model,
  dirty: false,
  caseCount: 0,
  problems: [],
});

const prompts = [
  prompt('ticket-triage', 'Classifies a support ticket'),
  prompt('summarize', 'Summarises a document', 'openai/gpt-4o-mini'),
];

describe('filterPrompts', () => {
  it('returns everything for an empty or blank query', () => {
    expect(filterPrompts(prompts, '  ')).toHaveLength(2);
  });

  it('matches name, description and model, ignoring case', () => {
    expect(filterPrompts(prompts, 'TRIAGE').map((p) => p.name)).toEqual(['ticket-triage']);
    expect(filterPrompts(prompts, 'document').map((p) => p.name)).toEqual(['summarize']);
    expect(filterPrompts(prompts, 'gpt-4o').map((p) => p.name)).toEqual(['summarize']);
  });

  it('needs every word to match', () => {
    expect(filterPrompts(prompts, 'support llama')).toHaveLength(1);
    expect(filterPrompts(prompts, 'support gpt')).toHaveLength(0);
  });
});
