import { describe, expect, it } from 'vitest';
import { tokenizeTemplate, tokensByLine } from './templateTokens';

describe('tokenizeTemplate', () => {
  it('separates text from expressions and classifies them', () => {
    const tokens = tokenizeTemplate('{{role "system"}}\nHi {{name}}!{{#if x}}y{{else}}z{{/if}}{{! note }}');
    expect(tokens).toEqual([
      { kind: 'marker', text: '{{role "system"}}' },
      { kind: 'text', text: '\nHi ' },
      { kind: 'expression', text: '{{name}}' },
      { kind: 'text', text: '!' },
      { kind: 'block', text: '{{#if x}}' },
      { kind: 'text', text: 'y' },
      { kind: 'block', text: '{{else}}' },
      { kind: 'text', text: 'z' },
      { kind: 'block', text: '{{/if}}' },
      { kind: 'comment', text: '{{! note }}' },
    ]);
  });

  it('keeps long comments and triple-stash whole', () => {
    expect(tokenizeTemplate('{{!-- a }} b --}}{{{raw}}}')).toEqual([
      { kind: 'comment', text: '{{!-- a }} b --}}' },
      { kind: 'expression', text: '{{{raw}}}' },
    ]);
  });

  it('leaves an unclosed mustache and markup as plain text', () => {
    expect(tokenizeTemplate('<b>{{oops')).toEqual([{ kind: 'text', text: '<b>{{oops' }]);
  });

  it('loses no characters', () => {
    const template = 'a {{x}}\n{{#each y}}\n  - {{this}}\n{{/each}}\n';
    expect(tokenizeTemplate(template).map((token) => token.text).join('')).toBe(template);
  });
});

describe('tokensByLine', () => {
  it('cuts tokens at line breaks and keeps empty lines', () => {
    const lines = tokensByLine(tokenizeTemplate('{{role "user"}}\n\nQ: {{q}}'));
    expect(lines).toEqual([
      [{ kind: 'marker', text: '{{role "user"}}' }],
      [],
      [
        { kind: 'text', text: 'Q: ' },
        { kind: 'expression', text: '{{q}}' },
      ],
    ]);
  });
});
