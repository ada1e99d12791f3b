import { describe, expect, it } from 'vitest';
import { readCheck } from './checkDefinition';
import { schemaPaths } from './schemaPaths';

describe('schemaPaths', () => {
  it('lists the fields of a Picoschema, optional ones included', () => {
    expect(schemaPaths({ intent: 'string, the intent', 'confidence?': 'number', escalate: 'boolean' })).toEqual(['$.intent', '$.confidence', '$.escalate']);
  });

  it('goes into Picoschema arrays and objects', () => {
    const schema = {
      'contacts(array, the people)': { name: 'string', 'email?': 'string' },
      'meta(object)': { source: 'string', 'tags(array)': 'string' },
      'tone(enum)': ['formal', 'casual'],
      '(*)': 'string',
    };
    expect(schemaPaths(schema)).toEqual([
      '$.contacts',
      '$.contacts[0]',
      '$.contacts[0].name',
      '$.contacts[0].email',
      '$.meta',
      '$.meta.source',
      '$.meta.tags',
      '$.meta.tags[0]',
      '$.tone',
    ]);
  });

  it('reads JSON Schema: properties, nested objects and items', () => {
    const schema = {
      type: 'object',
      properties: {
        answer: { type: 'string' },
        items: { type: 'array', items: { type: 'object', properties: { x: { type: 'number' } } } },
        'full name': { type: 'string' },
        choice: { anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'null' }] },
      },
    };
    expect(schemaPaths(schema)).toEqual(['$.answer', '$.items', '$.items[0]', '$.items[0].x', "$['full name']", '$.choice', '$.choice.a']);
  });

  it('offers nothing for a schema that names no fields', () => {
    expect(schemaPaths(undefined)).toEqual([]);
    expect(schemaPaths('string')).toEqual([]);
    expect(schemaPaths({ type: 'string' })).toEqual([]);
  });

  it('offers only paths a json-path check accepts', () => {
    const paths = schemaPaths({ 'a(array)': { 'b c': 'string', d: { e: 'number' } } });
    expect(paths.length).toBeGreaterThan(3);
    for (const path of paths) expect(readCheck({ 'json-path': path, equals: 1 })).toMatchObject({ ok: true });
  });
});
