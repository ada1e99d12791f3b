import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../shared/errors';
import { renderPromptSource } from './promptRenderer';

const file = 'prompts/p.prompt';
const render = (source: string, input: Record<string, unknown> = {}) => renderPromptSource(file, source, input);

const textOf = (rendered: Awaited<ReturnType<typeof render>>) => rendered.messages.map((m) => `${m.role}:${m.content.map((p) => p.text).join('')}`);

describe('renderPromptSource', () => {
  it('splits roles the Dotprompt way (system, user, model) and returns the config', async () => {
    const source = '---\nconfig:\n  temperature: 0.3\ninput:\n  schema:\n    q: string\n---\n{{role "system"}}Be brief.{{role "user"}}{{q}}{{role "model"}}Sure.';
    const rendered = await render(source, { q: 'Why?' });
    expect(textOf(rendered)).toEqual(['system:Be brief.', 'user:Why?', 'model:Sure.']);
    expect(rendered.config).toEqual({ temperature: 0.3 });
  });

  it('supports the json and ifEquals helpers, whitespace control and unicode without escaping', async () => {
    const source = [
      '---',
      'input:',
      '  schema:',
      '    data(object):',
      '      a: string',
      '    tier: string',
      '---',
      '{{json data}}|{{#ifEquals tier "gold"}}VIP{{else}}std{{/ifEquals}}|  {{~tier~}}  |<b>ünï 😀</b>',
    ].join('\n');
    const rendered = await render(source, { data: { a: 'x' }, tier: 'gold' });
    expect(rendered.messages[0]?.content[0]?.text).toBe('{"a":"x"}|VIP|gold|<b>ünï 😀</b>');
  });

  it('fills variables from input.default, and explicit input wins', async () => {
    const source = '---\ninput:\n  schema:\n    name: string\n    greeting?: string\n  default:\n    name: Ada\n    greeting: Hello\n---\n{{greeting}}, {{name}}';
    expect(textOf(await render(source))).toEqual(['user:Hello, Ada']);
    expect(textOf(await render(source, { name: 'Grace' }))).toEqual(['user:Hello, Grace']);
  });

  it('lists every missing required variable by name, and ignores optional ones', async () => {
    const source = '---\ninput:\n  schema:\n    subject: string\n    body: string\n    tier?: string\n---\n{{subject}} {{body}} {{tier}}';
    const error = await render(source, { subject: 's' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect(error).toMatchObject({ code: 'MISSING_VARIABLES', details: { missing: ['body'] } });
    expect((error as Error).message).toMatch(/missing "body", required by the input schema of prompts\/p\.prompt/);
    const both = await render(source).catch((e: WorkbenchError) => e);
    expect(both).toMatchObject({ details: { missing: ['subject', 'body'] } });
  });

  it('refuses to render a file with front-matter problems, naming file:line:col', async () => {
    await expect(render('---\nmodel: [a\n---\nhi')).rejects.toMatchObject({
      code: 'PROMPT_INVALID',
      message: expect.stringMatching(/^prompts\/p\.prompt:\d+:\d+: Invalid YAML/),
    });
  });

  it('reports a template that Handlebars cannot parse', async () => {
    await expect(render('---\nmodel: a/b\n---\n{{#if x}}unclosed')).rejects.toMatchObject({ code: 'PROMPT_INVALID', message: expect.stringMatching(/could not be rendered/) });
  });

  it('reports an unknown helper', async () => {
    await expect(render('---\nmodel: a/b\n---\n{{shout "hi"}}')).rejects.toMatchObject({ code: 'PROMPT_INVALID' });
  });
});
