import { describe, expect, it } from 'vitest';
import { parsePromptFile } from './promptFile';

const valid = `---
description: Answers a question
model: ollama/llama3.2
config:
  temperature: 0.7
input:
  schema:
    question: string
output:
  format: json
  schema:
    answer: string
metadata:
  workbench:
    models: [ollama/llama3.2, openai/gpt-4o-mini]
    temperatures: [0, 0.7]
    samples: 10
---
{{role "system"}}
Answer briefly.
{{role "user"}}
{{question}}
`;

describe('parsePromptFile', () => {
  it('reads description, model, config, schemas, sweep and template', () => {
    const parsed = parsePromptFile('prompts/q.prompt', valid);
    expect(parsed.problems).toEqual([]);
    expect(parsed.description).toBe('Answers a question');
    expect(parsed.model).toBe('ollama/llama3.2');
    expect(parsed.config).toEqual({ temperature: 0.7 });
    expect(parsed.inputSchema).toEqual({ question: 'string' });
    expect(parsed.outputFormat).toBe('json');
    expect(parsed.sweep).toEqual({ models: ['ollama/llama3.2', 'openai/gpt-4o-mini'], temperatures: [0, 0.7], samples: 10 });
    expect(parsed.template.startsWith('{{role "system"}}')).toBe(true);
  });

  it('fills sweep gaps from the model and temperature', () => {
    const source = valid.replace('    models: [ollama/llama3.2, openai/gpt-4o-mini]\n    temperatures: [0, 0.7]\n', '');
    expect(parsePromptFile('p', source).sweep).toEqual({ models: ['ollama/llama3.2'], temperatures: [0.7], samples: 10 });
  });

  it('has no sweep when the prompt declares none', () => {
    const source = valid.replace(/metadata:[\s\S]*?samples: 10\n/, '');
    expect(parsePromptFile('p', source).sweep).toBeUndefined();
  });

  it('reports malformed YAML with the file line and column', () => {
    const broken = valid.replace('  temperature: 0.7', '  temperature: [0.7');
    const parsed = parsePromptFile('prompts/q.prompt', broken);
    expect(parsed.problems).toHaveLength(1);
    const [problem] = parsed.problems;
    expect(problem?.file).toBe('prompts/q.prompt');
    expect(problem?.message).toMatch(/^Invalid YAML in the front matter/);
    // The bad flow sequence opens on line 5 of the file; YAML reports where it notices, at or after it.
    expect(problem?.line).toBeGreaterThanOrEqual(5);
    expect(problem?.line).toBeLessThanOrEqual(20);
    expect(problem?.column).toBeGreaterThan(0);
  });

  it('points at the exact line and column of a duplicated key', () => {
    const source = '---\nmodel: a/b\ndescription: x\nmodel: c/d\n---\nhi';
    const [problem] = parsePromptFile('p', source).problems;
    expect(problem).toMatchObject({ line: 4, column: 1, message: expect.stringMatching(/unique/) });
  });

  it('says how to fix a file without front matter', () => {
    const parsed = parsePromptFile('p', 'Just a template {{x}}');
    expect(parsed.problems[0]?.message).toMatch(/Start the file with a `---` line/);
    expect(parsed.template).toBe('Just a template {{x}}');
  });

  it('refuses front matter that is not a mapping', () => {
    expect(parsePromptFile('p', '---\n- a\n- b\n---\nhi').problems[0]?.message).toMatch(/must be a YAML mapping/);
  });

  it('reports a malformed workbench sweep', () => {
    const source = valid.replace('samples: 10', 'samples: many');
    expect(parsePromptFile('p', source).problems[0]?.message).toMatch(/^metadata\.workbench: samples/);
  });
});
