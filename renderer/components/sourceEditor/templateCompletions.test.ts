import { describe, expect, it } from 'vitest';
import { tagEdit } from './templateCompletions';

/** The line after accepting, with `|` at the cursor: `text` holds `[` and `]` around what is being typed. */
function accept(text: string, label: string, end: 'complete' | 'argument'): string {
  const from = text.indexOf('[');
  const plain = text.replace('[', '').replace(']', '');
  const to = text.indexOf(']') - 1;
  const edit = tagEdit(label, end, from, to, plain.slice(to, to + 3));
  const result = plain.slice(0, from) + edit.insert + plain.slice(edit.to);
  return `${result.slice(0, edit.cursor)}|${result.slice(edit.cursor)}`;
}

describe('tagEdit', () => {
  it('steps over the braces the editor closed, after a complete tag', () => {
    expect(accept('Hi {{[cou]}} there', 'country', 'complete')).toBe('Hi {{country}}| there');
    expect(accept('{{~[his]~}}', 'history', 'complete')).toBe('{{~history~}}|');
    expect(accept('{{[rol]}}', 'role "system"', 'complete')).toBe('{{role "system"}}|');
  });

  it('closes the tag when nothing closed it yet', () => {
    expect(accept('Hi {{[cou]', 'country', 'complete')).toBe('Hi {{country}}|');
    expect(accept('{{[cou] and more', 'country', 'complete')).toBe('{{country}}| and more');
  });

  it('leaves the cursor at the argument of a block or helper, inside the braces', () => {
    expect(accept('{{[#i]}}', '#if', 'argument')).toBe('{{#if |}}');
    expect(accept('{{[js]', 'json', 'argument')).toBe('{{json |}}');
    expect(accept('{{[med]}}', 'media url=', 'argument')).toBe('{{media url=|}}');
  });
});
