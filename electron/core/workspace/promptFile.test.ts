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

  it('reads a file without front matter as all template, with no settings and no problem', () => {
    const source = 'Just a template {{x}}\n\n';
    const parsed = parsePromptFile('p', source);
    expect(parsed).toMatchObject({ readable: true, problems: [], model: '', config: {}, template: source });
    expect(parsed.sweep).toBeUndefined();
  });

  it('renders an empty front matter as the library does, and says its dashes are sent', () => {
    for (const source of ['---\n---\nHello\n', '---\n\n---\nHello\n']) {
      const parsed = parsePromptFile('p', source);
      expect(parsed).toMatchObject({ readable: true, template: source, model: '' });
      expect(parsed.problems).toEqual([{ file: 'p', line: 1, column: 1, message: expect.stringMatching(/front matter is empty.*sent to the model/) }]);
    }
  });

  it('takes no settings from front matter the library does not see (no line break after the closing ---)', () => {
    const parsed = parsePromptFile('p', '---\nmodel: ollama/llama3.2\n---');
    expect(parsed).toMatchObject({ readable: true, model: '', template: '---\nmodel: ollama/llama3.2\n---' });
    expect(parsed.problems[0]?.message).toMatch(/no front matter here.*closing `---` line followed by a line break/);
  });

  it('warns that a prompt of front matter alone has nothing to send', () => {
    const parsed = parsePromptFile('p', '---\nmodel: ollama/llama3.2\n---\n');
    expect(parsed).toMatchObject({ readable: true, model: 'ollama/llama3.2', template: '' });
    expect(parsed.problems[0]?.message).toMatch(/template is empty.*below the front matter/);
  });

  it('reads CRLF front matter and counts YAML lines from where the YAML starts', () => {
    const parsed = parsePromptFile('p', '---\r\n\r\nmodel: a/b\r\ndescription: x\r\nmodel: c/d\r\n---\r\nhi');
    expect(parsed.problems[0]).toMatchObject({ line: 5, column: 1, message: expect.stringMatching(/unique/) });
  });

  it('refuses front matter that is not a mapping', () => {
    expect(parsePromptFile('p', '---\n- a\n- b\n---\nhi').problems[0]?.message).toMatch(/must be a YAML mapping/);
  });

  it('reports a malformed workbench sweep', () => {
    const source = valid.replace('samples: 10', 'samples: many');
    expect(parsePromptFile('p', source).problems[0]?.message).toMatch(/^metadata\.workbench: samples/);
  });
});
