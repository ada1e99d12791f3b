import { describe, expect, it } from 'vitest';
import { schemaFieldNames, schemaLines } from './schemaLines';

describe('schemaLines', () => {
  it('splits Picoschema fields into key, modifiers, type and description', () => {
    expect(
      schemaLines({
        subject: "string, the ticket's subject line",
        'customer_tier?': 'string, plan such as free, pro or enterprise',
        'known_companies?(array)': 'string',
      }),
    ).toEqual([
      { depth: 0, key: 'subject', type: 'string', description: "the ticket's subject line" },
      { depth: 0, key: 'customer_tier', modifiers: '?', type: 'string', description: 'plan such as free, pro or enterprise' },
      { depth: 0, key: 'known_companies', modifiers: '?(array)', type: 'string' },
    ]);
  });

  it('nests objects one level deeper', () => {
    expect(schemaLines({ 'contacts(array)': { name: 'string', 'email?': 'string, if present' } })).toEqual([
      { depth: 0, key: 'contacts', modifiers: '(array)' },
      { depth: 1, key: 'name', type: 'string' },
      { depth: 1, key: 'email', modifiers: '?', type: 'string', description: 'if present' },
    ]);
  });

  it('shows literals and lists as values', () => {
    expect(schemaLines({ 'tag(enum)': ['a', 'b'], max: 3, note: 'free text: anything goes' })).toEqual([
      { depth: 0, key: 'tag', modifiers: '(enum)', value: '[a, b]' },
      { depth: 0, key: 'max', value: '3' },
      { depth: 0, key: 'note', value: 'free text: anything goes' },
    ]);
    expect(schemaLines('MyOutput')).toEqual([{ depth: 0, type: 'MyOutput' }]);
  });

  it('lists top-level field names without modifiers', () => {
    expect(schemaFieldNames({ a: 'string', 'b?': 'number', 'c?(array)': 'string' })).toEqual(['a', 'b', 'c']);
    expect(schemaFieldNames(undefined)).toEqual([]);
  });
});
