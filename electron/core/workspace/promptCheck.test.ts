import { describe, expect, it } from 'vitest';
import { checkSource, declaredInputs } from './promptCheck';
import { analyzeTemplate } from './templateAnalysis';

const file = 'prompts/p.prompt';
const prompt = (frontMatter: string, body: string) => `---\n${frontMatter}\n---\n${body}`;
const schema = 'model: ollama/llama3.2\ninput:\n  schema:\n    question: string\n    items(array): string\n    tone?: string';

describe('checkSource', () => {
  it('finds nothing wrong with a clean prompt', () => {
    expect(checkSource(file, prompt(schema, '{{role "system"}}\nHi {{#if tone}}({{tone}}){{/if}}\n{{#each items}}- {{this}}\n{{/each}}{{question}}'))).toEqual([]);
  });

  it('points at an unknown front-matter key and suggests the right one', () => {
    const [problem] = checkSource(file, prompt('model: ollama/llama3.2\nconfg:\n  temperature: 1', 'hi'));
    expect(problem).toMatchObject({ line: 3, column: 1, message: 'Unknown front-matter key "confg". Did you mean "config"?' });
  });

  it('accepts extension keys with a dot', () => {
    expect(checkSource(file, prompt('model: ollama/llama3.2\nmyext.flag: true', 'hi'))).toEqual([]);
  });

  it('flags an unknown model provider, in model and in the sweep', () => {
    const problems = checkSource(file, prompt('model: gpt-4o\nmetadata:\n  workbench:\n    models: [openai/gpt-4o, mistral/large]', 'hi'));
    expect(problems.map((p) => [p.line, p.message.slice(0, 30)])).toEqual([
      [2, 'Model "gpt-4o" should be writt'],
      [5, 'Unknown model provider "mistra'],
    ]);
  });

  it('reports a template syntax error on its file line', () => {
    const [problem] = checkSource(file, prompt(schema, 'line one\n{{#if question}}\nnever closed'));
    expect(problem?.message).toMatch(/^Template syntax error/);
    expect(problem?.line).toBeGreaterThanOrEqual(10);
    expect(problem?.blocking).toBe(true);
  });

  it('reports an unknown helper at its line and column', () => {
    const [problem] = checkSource(file, prompt(schema, '{{question}}\n  {{shout question}}'));
    expect(problem).toMatchObject({ line: 10, column: 3, blocking: true, message: expect.stringMatching(/^Unknown helper "shout"/) });
  });

  it('reports variables used in the body but not declared in input.schema', () => {
    const problems = checkSource(file, prompt(schema, '{{question}} {{questoin}}\n{{#each items}}{{name}}{{/each}} {{@root.audience}}'));
    expect(problems.map((p) => p.message.match(/"(\w+)"/)?.[1])).toEqual(['questoin', 'audience']);
    expect(problems[0]).toMatchObject({ line: 9, column: 16, blocking: false });
  });

  it('passes YAML problems through as blocking', () => {
    const [problem] = checkSource(file, '---\nmodel: [x\n---\nhi');
    expect(problem).toMatchObject({ blocking: true, message: expect.stringMatching(/Invalid YAML/) });
  });
});

describe('analyzeTemplate', () => {
  it('tells helpers from variables, including inside sub-expressions and hashes', () => {
    const facts = analyzeTemplate('{{json data}} {{#ifEquals tier "gold"}}{{name}}{{/ifEquals}} {{lookup map key}}');
    expect([...facts.variables.keys()]).toEqual(['data', 'tier', 'name', 'map', 'key']);
    expect(facts.unknownHelpers).toEqual([]);
  });
});

describe('declaredInputs', () => {
  it('reads Picoschema and JSON Schema field names', () => {
    expect(declaredInputs({ 'a?': 'string', 'b(array)': 'string', c: 'integer, count' })).toEqual(new Set(['a', 'b', 'c']));
    expect(declaredInputs({ type: 'object', properties: { x: {}, y: {} } })).toEqual(new Set(['x', 'y']));
    expect(declaredInputs(undefined)).toBeNull();
  });
});

describe('template syntax errors', () => {
  it('points at a block that is never closed', () => {
    expect(analyzeTemplate('intro\n  {{#if question}}\nbody').syntaxError).toMatchObject({
      line: 2,
      column: 3,
      message: 'Template syntax error: {{#if}} is never closed; add {{/if}}.',
    });
  });

  it('finds the column of a malformed expression from Handlebars\' excerpt', () => {
    expect(analyzeTemplate('line one\nx {{foo bar}\n').syntaxError).toMatchObject({ line: 2, column: 12, message: expect.stringContaining('at "}"') });
    expect(analyzeTemplate('ok\nhello {{> }} there').syntaxError).toMatchObject({ line: 2, column: 11, message: expect.stringContaining('unexpected close at "}} there"') });
  });

  it('uses the exact position Handlebars gives for a mismatched closing tag', () => {
    expect(analyzeTemplate('{{#if a}}\n{{/each}}').syntaxError).toMatchObject({ line: 1, message: expect.stringMatching(/doesn't match/) });
  });
});
