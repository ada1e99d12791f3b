import { picoschema } from 'dotprompt';
import { describe, expect, it } from 'vitest';
import { schemaToType } from './schemaTypes';

describe('schemaToType', () => {
  it('writes Picoschema objects with optional fields, enums, arrays and descriptions', async () => {
    const schema = await picoschema({ 'intent(enum, the intent)': ['billing', 'bug'], 'tags?(array)': 'string', score: 'number' });
    expect(schemaToType(schema)).toBe(['{', '  /** the intent */', '  intent: "billing" | "bug";', '  tags?: string[] | null;', '  score: number;', '}'].join('\n'));
  });

  it('reads JSON Schema unions, constants and nested arrays, and anything unknown as unknown', () => {
    expect(schemaToType({ anyOf: [{ type: 'string' }, { type: 'integer' }] })).toBe('string | number');
    expect(schemaToType({ const: 'x' })).toBe('"x"');
    expect(schemaToType({ type: 'array', items: { type: ['string', 'null'] } })).toBe('(string | null)[]');
    expect(schemaToType({ type: 'object' })).toBe('Record<string, unknown>');
    expect(schemaToType({ type: 'object', properties: { 'a-b': { type: 'boolean' } }, required: ['a-b'] })).toBe('{\n  "a-b": boolean;\n}');
    expect(schemaToType({ format: 'uri' })).toBe('unknown');
  });
});
