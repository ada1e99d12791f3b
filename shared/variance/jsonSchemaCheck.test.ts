import { picoschema } from 'dotprompt';
import { describe, expect, it } from 'vitest';
import { isSchemaValid, matchesSchema, parseJsonOutput, schemaErrors } from './jsonSchemaCheck';

// What Dotprompt makes of a typical prompt's `output.schema` (checked against the real converter below).
const answerSchema: Record<string, unknown> = {
  type: 'object',
  properties: {
    answer: { type: 'string' },
    confidence: { type: ['number', 'null'] },
    steps: { type: 'integer' },
    sources: { type: 'array', items: { type: 'string' } },
    tone: { enum: ['formal', 'casual', null] },
    done: { type: 'boolean' },
  },
  required: ['answer', 'steps'],
  additionalProperties: false,
};

describe('parseJsonOutput', () => {
  it('reads plain JSON and JSON in a Markdown fence', () => {
    expect(parseJsonOutput(' {"a": 1} ')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonOutput('```json\n{"a": 1}\n```')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonOutput('```\n[1, 2]\n```\n')).toEqual({ ok: true, value: [1, 2] });
  });

  it('refuses prose, even around a fence', () => {
    expect(parseJsonOutput('The answer is {"a": 1}').ok).toBe(false);
    expect(parseJsonOutput('Here you go:\n```json\n{"a": 1}\n```').ok).toBe(false);
    expect(parseJsonOutput('').ok).toBe(false);
  });
});

describe('isSchemaValid', () => {
  it('accepts outputs that fit, with optional fields absent or null', () => {
    expect(isSchemaValid('{"answer": "Paris", "steps": 2}', answerSchema)).toBe(true);
    expect(isSchemaValid('{"answer": "Paris", "steps": 2, "confidence": null, "tone": null}', answerSchema)).toBe(true);
    expect(isSchemaValid('```json\n{"answer": "Paris", "steps": 2, "sources": ["a", "b"], "tone": "formal", "done": true}\n```', answerSchema)).toBe(true);
  });

  it('rejects outputs that do not fit', () => {
    const cases = [
      'Paris',
      '{"answer": "Paris"}', // a required field missing
      '{"answer": "Paris", "steps": 2, "extra": 1}', // additionalProperties: false
      '{"answer": 42, "steps": 2}',
      '{"answer": "Paris", "steps": 2.5}', // not an integer
      '{"answer": "Paris", "steps": 2, "confidence": "high"}',
      '{"answer": "Paris", "steps": 2, "sources": ["a", 3]}',
      '{"answer": "Paris", "steps": 2, "tone": "angry"}',
      '{"answer": "Paris", "steps": 2, "done": "yes"}',
      '[{"answer": "Paris", "steps": 2}]',
      'null',
    ];
    for (const output of cases) expect(isSchemaValid(output, answerSchema), output).toBe(false);
  });

  it('with an empty schema checks only that the output is JSON', () => {
    expect(isSchemaValid('{"anything": [1, 2]}', {})).toBe(true);
    expect(isSchemaValid('"text"', {})).toBe(true);
    expect(isSchemaValid('not json', {})).toBe(false);
  });

  it('agrees with the schemas Dotprompt generates from picoschema', async () => {
    const schema = (await picoschema({
      title: 'string, the headline',
      'score?': 'number',
      'tags?(array)': 'string',
      'kind(enum)': ['news', 'opinion'],
      'author(object)': { name: 'string', 'email?': 'string' },
      '(*)': 'integer',
    })) as Record<string, unknown>;
    const valid = { title: 'T', kind: 'news', author: { name: 'A' }, extraCount: 3 };
    expect(isSchemaValid(JSON.stringify(valid), schema)).toBe(true);
    expect(isSchemaValid(JSON.stringify({ ...valid, score: null, tags: null }), schema)).toBe(true);
    expect(isSchemaValid(JSON.stringify({ ...valid, extraCount: 'three' }), schema)).toBe(false);
    expect(isSchemaValid(JSON.stringify({ ...valid, kind: 'satire' }), schema)).toBe(false);
    expect(isSchemaValid(JSON.stringify({ ...valid, author: { name: 'A', age: 3 } }), schema)).toBe(false);
    expect(isSchemaValid(JSON.stringify({ title: 'T', kind: 'news' }), schema)).toBe(false);
  });
});

describe('matchesSchema', () => {
  it('checks the constraints hand-written schemas add', () => {
    expect(matchesSchema(5, { type: 'number', minimum: 1, maximum: 5 })).toBe(true);
    expect(matchesSchema(6, { type: 'number', minimum: 1, maximum: 5 })).toBe(false);
    expect(matchesSchema(1, { exclusiveMinimum: 1 })).toBe(false);
    expect(matchesSchema('ab', { type: 'string', minLength: 3 })).toBe(false);
    expect(matchesSchema('😀😀', { type: 'string', maxLength: 2 })).toBe(true);
    expect(matchesSchema('2025-01-31', { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })).toBe(true);
    expect(matchesSchema('31/01/2025', { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })).toBe(false);
    expect(matchesSchema([1], { type: 'array', minItems: 2 })).toBe(false);
    expect(matchesSchema({ a: [1, { b: 2 }] }, { const: { a: [1, { b: 2 }] } })).toBe(true);
    expect(matchesSchema({ a: [1, { b: 3 }] }, { const: { a: [1, { b: 2 }] } })).toBe(false);
  });

  it('combines schemas with anyOf, oneOf, allOf and not', () => {
    const stringOrNumber = { anyOf: [{ type: 'string' }, { type: 'number' }] };
    expect(matchesSchema('a', stringOrNumber)).toBe(true);
    expect(matchesSchema(true, stringOrNumber)).toBe(false);
    // 3 is both a number and an integer: not exactly one.
    expect(matchesSchema(3, { oneOf: [{ type: 'number' }, { type: 'integer' }] })).toBe(false);
    expect(matchesSchema(3.5, { oneOf: [{ type: 'number' }, { type: 'integer' }] })).toBe(true);
    expect(matchesSchema(3, { allOf: [{ minimum: 1 }, { maximum: 2 }] })).toBe(false);
    expect(matchesSchema(null, { not: { type: 'null' } })).toBe(false);
  });

  it('takes boolean schemas and ignores keywords it does not know', () => {
    expect(matchesSchema({ a: 1 }, true)).toBe(true);
    expect(matchesSchema({ a: 1 }, false)).toBe(false);
    expect(matchesSchema({ a: 1 }, { type: 'object', 'x-custom': 1 })).toBe(true);
  });

  it('follows $ref to definitions, as a hand-written schema with shared parts uses it', () => {
    const schema = {
      type: 'object',
      properties: { from: { $ref: '#/definitions/person' }, to: { type: 'array', items: { $ref: '#/definitions/person' } } },
      required: ['from'],
      definitions: { person: { type: 'object', properties: { email: { type: 'string', pattern: '@' } }, required: ['email'] } },
    };
    expect(matchesSchema({ from: { email: 'a@b.c' }, to: [{ email: 'd@e.f' }] }, schema)).toBe(true);
    expect(matchesSchema({ from: { email: 'a@b.c' }, to: [{ name: 'no email' }] }, schema)).toBe(false);
    expect(matchesSchema({ from: { email: 'not an address' } }, { ...schema, $schema: 'https://json-schema.org/draft/2020-12/schema' })).toBe(false);
  });

  it('counts a schema it cannot read as no constraint rather than failing good outputs', () => {
    expect(matchesSchema('x', { type: 'string', pattern: '(' })).toBe(true);
  });
});

describe('schemaErrors', () => {
  const schema = { type: 'object', properties: { intent: { enum: ['billing', 'bug'] }, items: { type: 'array', items: { type: 'string' } } }, required: ['intent'] };

  it('says where a value does not fit, as a path', () => {
    const errors = schemaErrors({ intent: 'weather', items: ['a', 2] }, schema);
    expect(errors.some((error) => error.startsWith('$.intent: '))).toBe(true);
    expect(errors.some((error) => error.startsWith('$.items[1]: '))).toBe(true);
    expect(schemaErrors({}, schema).join()).toMatch(/intent/);
  });

  it('is empty when the value fits, or when the schema cannot be read', () => {
    expect(schemaErrors({ intent: 'bug' }, schema)).toEqual([]);
    expect(schemaErrors('x', { type: 'string', pattern: '(' })).toEqual([]);
  });
});
