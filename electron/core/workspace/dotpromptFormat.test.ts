// The app renders a prompt exactly as the `dotprompt` library does: for every case below, the
// messages the app would send (through the sandboxed worker) equal, part for part and byte for
// byte, those the library renders in this process for the same source and input. The cases follow
// the format's documentation (google.github.io/dotprompt: front matter, template content,
// Common Model Interface). Where the library's own result cannot be sent (a role no API knows, a
// partial that does not exist), the app refuses with a message instead; those are asserted apart.
import { Dotprompt } from 'dotprompt';
import { describe, expect, it } from 'vitest';
import { renderPromptSource } from './promptRenderer';

interface FormatCase {
  name: string;
  source: string;
  input?: Record<string, unknown>;
}

const file = 'prompts/format.prompt';

const CASES: FormatCase[] = [
  // Front matter: optional, may be empty, may be all there is.
  { name: 'no front matter', source: 'Tell me a joke about {{topic}}.', input: { topic: 'owls' } },
  { name: 'no front matter, trailing newlines and spaces kept', source: 'Hello {{name}}  \n\n', input: { name: 'Ada' } },
  { name: 'no front matter, leading blank lines', source: '\n\n  Hello {{name}}\n', input: { name: 'Ada' } },
  { name: 'empty front matter', source: '---\n---\nHello {{name}}\n', input: { name: 'Ada' } },
  { name: 'empty front matter with a blank line', source: '---\n\n---\nHello {{name}}\n', input: { name: 'Ada' } },
  { name: 'front matter of comments only', source: '---\n# settings come later\n---\nHello {{name}}\n', input: { name: 'Ada' } },
  { name: 'front matter only', source: '---\nmodel: ollama/llama3.2\n---\n' },
  { name: 'front matter only, no final line break', source: '---\nmodel: ollama/llama3.2\n---' },
  { name: 'front matter then a blank template', source: '---\nmodel: ollama/llama3.2\n---\n  \n\n' },
  { name: 'body around the front matter trimmed as the library does', source: '---\nmodel: a/b\n---\n\n  Hello {{name}}  \n\n', input: { name: 'Ada' } },
  { name: 'unclosed front matter', source: '---\nmodel: ollama/llama3.2\nHello {{name}}\n', input: { name: 'Ada' } },
  { name: 'dashes later in the body', source: 'Intro\n---\nnot: front matter\n---\n{{name}}', input: { name: 'Ada' } },
  { name: 'namespaced and unknown keys', source: '---\nmyapp.owner: team\nmetadata:\n  workbench:\n    samples: 3\n---\n{{name}}', input: { name: 'Ada' } },
  // Line endings.
  { name: 'CRLF file with front matter', source: '---\r\nmodel: ollama/llama3.2\r\n---\r\nLine one {{name}}\r\nLine two\r\n', input: { name: 'Ada' } },
  { name: 'CRLF file without front matter', source: 'Line one {{name}}\r\nLine two\r\n\r\n', input: { name: 'Ada' } },
  { name: 'CRLF file with roles', source: '---\r\nconfig:\r\n  temperature: 0\r\n---\r\n{{role "system"}}\r\nBe brief.\r\n{{role "user"}}\r\n{{q}}\r\n', input: { q: 'Why?' } },
  { name: 'old Mac line endings', source: '---\rmodel: a/b\r---\rHello {{name}}\r', input: { name: 'Ada' } },
  // Expressions and escaping.
  { name: 'variables and paths', source: 'Hello, {{name}} from {{address.city}}!', input: { name: 'Ada', address: { city: 'London' } } },
  { name: 'no HTML escaping', source: '{{snippet}} & {{{snippet}}}', input: { snippet: '<b>"Tom" & \'Jerry\'</b>' } },
  { name: 'escaped expression', source: 'Write it as \\{{variableName}}, not {{name}}.', input: { name: 'Ada' } },
  { name: 'missing values render as nothing', source: 'a{{missing}}b{{also.missing}}c' },
  { name: 'unicode', source: 'Grüße, {{name}} 😀 — 你好', input: { name: 'Zoë' } },
  // Comments and whitespace control.
  { name: 'comments', source: '{{! a note }}Hello{{!-- a {{longer}} note --}} {{name}}\n', input: { name: 'Ada' } },
  { name: 'whitespace control', source: 'Items:\n  {{~#each items~}}\n  [{{this}}]\n  {{~/each~}}\n  .', input: { items: ['a', 'b'] } },
  { name: 'standalone block lines', source: 'List:\n{{#each items}}\n- {{this}}\n{{/each}}\nEnd\n', input: { items: ['a', 'b'] } },
  // Helpers.
  { name: 'if / else', source: '{{#if vip}}Welcome back!{{else}}Please log in.{{/if}}', input: { vip: false } },
  { name: 'unless', source: '{{#unless done}}Still working.{{/unless}}', input: { done: false } },
  { name: 'each with @index, @first, @last', source: '{{#each items}}{{@index}}:{{this}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}};{{/each}}', input: { items: ['x', 'y', 'z'] } },
  { name: 'each over an object with @key', source: '{{#each scores}}{{@key}}={{this}} {{/each}}', input: { scores: { ada: 3, bob: 5 } } },
  { name: 'with', source: '{{#with user}}{{name}} <{{email}}>{{/with}}', input: { user: { name: 'Ada', email: 'ada@example.com' } } },
  { name: 'json helper', source: '{{json data}}\n{{json data indent=2}}', input: { data: { a: [1, 2], b: 'x' } } },
  { name: 'ifEquals and unlessEquals', source: '{{#ifEquals tier "gold"}}VIP{{else}}std{{/ifEquals}}/{{#unlessEquals tier "gold"}}no{{else}}yes{{/unlessEquals}}', input: { tier: 'gold' } },
  { name: '@root inside a block', source: '{{#each items}}{{this}}-{{@root.sep}}{{/each}}', input: { items: ['a', 'b'], sep: '|' } },
  // Roles and messages.
  {
    name: 'roles',
    source: '---\nmodel: a/b\n---\n{{role "system"}}\nYou are terse.\n{{role "user"}}\n{{question}}\n{{role "model"}}\nUnderstood.\n',
    input: { question: 'What is 2+2?' },
  },
  { name: 'role with nothing before it', source: '\n\n{{role "system"}}Only system.' },
  { name: 'two roles in a row', source: '{{role "user"}}{{role "system"}}Rules.{{role "user"}}Hi' },
  { name: 'same role twice', source: '{{role "user"}}One{{role "user"}}Two' },
  { name: 'tool role', source: '{{role "tool"}}{"temp": 21}{{role "user"}}And now?' },
  { name: 'empty message skipped', source: '{{role "system"}}   \n{{role "user"}}Hi' },
  // History, media and sections.
  { name: 'history', source: '{{role "system"}}Be kind.\n{{history}}\n{{role "user"}}{{question}}', input: { question: 'And then?' } },
  { name: 'history at the end', source: 'Hello{{history}}' },
  { name: 'media with a URL', source: '{{role "user"}}Describe this:{{media url=photo}}', input: { photo: 'https://example.com/cat.jpg' } },
  { name: 'media with a content type', source: '{{media url=photo contentType="image/png"}} What is it?', input: { photo: 'data:image/png;base64,iVBORw0KGgo=' } },
  { name: 'adjacent media', source: '{{media url=a}}{{media url=b}}Compare.', input: { a: 'https://example.com/a.png', b: 'https://example.com/b.png' } },
  { name: 'section', source: 'Answer the question.\n{{section "output"}}\nThen stop.' },
  // Input defaults from the front matter, as the library applies them (its render options).
  {
    name: 'input defaults',
    source: '---\ninput:\n  default:\n    greeting: Hello\n    name: Guest\n  schema:\n    name: string\n    greeting?: string\n---\n{{greeting}}, {{name}}!',
    input: { name: 'Ada' },
  },
];

/** What the library itself renders: the prompt's own input defaults applied the library's way. */
async function libraryMessages(source: string, input: Record<string, unknown>) {
  const dotprompt = new Dotprompt();
  const defaults = dotprompt.parse(source).input?.default;
  const rendered = await dotprompt.render(source, { input }, defaults ? { input: { default: defaults } } : undefined);
  return rendered.messages;
}

describe('Dotprompt format cases: the app renders what the library renders', () => {
  it.each(CASES)('$name', async ({ source, input = {} }) => {
    const expected = await libraryMessages(source, input);
    const rendered = await renderPromptSource(file, source, input);
    expect(rendered.messages).toStrictEqual(expected);
    // Byte for byte: the texts, whitespace and line endings included.
    expect(JSON.stringify(rendered.messages)).toBe(JSON.stringify(expected));
  });
});

describe('Dotprompt format cases the app refuses, saying why', () => {
  it('a role outside system, user, model and tool', async () => {
    await expect(renderPromptSource(file, '{{role "assistant"}}Hi', {})).rejects.toMatchObject({
      code: 'PROMPT_INVALID',
      message: expect.stringMatching(/role "assistant".*system, user, model or tool/),
    });
  });

  it('a role given by a variable', async () => {
    await expect(renderPromptSource(file, '{{role who}}Hi', { who: 'assistant' })).rejects.toMatchObject({
      code: 'PROMPT_INVALID',
      message: expect.stringMatching(/role "assistant"/),
    });
  });

  it('a role written in capitals, which the library leaves in the text', async () => {
    await expect(renderPromptSource(file, '{{role "System"}}Rules.', {})).rejects.toMatchObject({
      code: 'PROMPT_INVALID',
      message: expect.stringMatching(/role "System".*lowercase/),
    });
  });

  it('a partial, which no prompt store provides', async () => {
    await expect(renderPromptSource(file, 'Hi {{> signature}}', {})).rejects.toMatchObject({
      code: 'PROMPT_INVALID',
      message: expect.stringMatching(/partial.*signature/i),
    });
  });

  it('front matter that is not valid YAML (the library would send it as text)', async () => {
    await expect(renderPromptSource(file, '---\nmodel: [a\n---\nHi', {})).rejects.toMatchObject({ code: 'PROMPT_INVALID' });
  });
});
