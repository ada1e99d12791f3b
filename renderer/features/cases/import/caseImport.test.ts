import { describe, expect, it } from 'vitest';
import { schemaFields } from '../caseModel';
import { IGNORE_TARGET, NAME_TARGET, autoMapColumns, buildImportedRows, importValue, tableFromRecords } from './caseImport';
import { fieldTypes, typeProblem } from './fieldTypes';

const schema = { question: 'string', 'priority?': 'integer', 'urgent?': 'boolean', 'meta?': { source: 'string' }, 'tone?(enum)': ['calm', 'angry'] };
const fields = schemaFields(schema);
const specs = fieldTypes(schema);

describe('fieldTypes', () => {
  it('reads Picoschema and JSON Schema types and enums', () => {
    expect(Object.fromEntries(specs)).toEqual({
      question: { type: 'string' },
      priority: { type: 'integer' },
      urgent: { type: 'boolean' },
      meta: { type: 'object' },
      tone: { type: 'any', values: ['calm', 'angry'] },
    });
    const json = fieldTypes({ type: 'object', properties: { n: { type: 'number' }, kind: { type: 'string', enum: ['a'] } } });
    expect(Object.fromEntries(json)).toEqual({ n: { type: 'number' }, kind: { type: 'string', values: ['a'] } });
  });

  it('says what a value should have been', () => {
    expect(typeProblem(1.5, { type: 'integer' })).toBe('must be an integer');
    expect(typeProblem('x', { type: 'number' })).toBe('must be a number');
    expect(typeProblem('sad', { type: 'any', values: ['calm'] })).toBe('must be one of "calm"');
    expect(typeProblem(3, { type: 'integer' })).toBeNull();
  });
});

describe('autoMapColumns', () => {
  it('matches inputs by name loosely, uses a name column for the case name, ignores the rest', () => {
    expect(autoMapColumns(['Name', 'Question', 'PRIORITY', 'notes'], fields)).toEqual({
      Name: NAME_TARGET,
      Question: 'question',
      PRIORITY: 'priority',
      notes: IGNORE_TARGET,
    });
  });

  it('maps every column to an input of its own name when there is no schema', () => {
    expect(autoMapColumns(['case', 'city'], [])).toEqual({ case: NAME_TARGET, city: 'city' });
  });
});

describe('importValue', () => {
  it('parses numbers, booleans and objects from their JSON text; empty means not set', () => {
    expect(importValue('3', specs.get('priority'))).toEqual({ value: 3 });
    expect(importValue('true', specs.get('urgent'))).toEqual({ value: true });
    expect(importValue('{"source":"mail"}', specs.get('meta'))).toEqual({ value: { source: 'mail' } });
    expect(importValue('  ', specs.get('priority'))).toEqual({ value: undefined });
    expect(importValue('42', specs.get('question'))).toEqual({ value: '42' });
    expect(importValue('calm', specs.get('tone'))).toEqual({ value: 'calm' });
    expect(importValue('soon', specs.get('priority'))).toEqual({ error: '“soon” is not an integer' });
  });
});

describe('buildImportedRows', () => {
  it('builds cases and lists each row’s problems against the schema', () => {
    const table = tableFromRecords(
      ['name', 'question', 'priority', 'tone'],
      [
        ['first', 'Why?', '2', 'calm'],
        ['second', '', 'soon', 'sad'],
        ['', 'Unnamed', '1.5', ''],
        ['old', 'Dup', '', ''],
      ],
    );
    const mapping = autoMapColumns(table.header, fields);
    const rows = buildImportedRows(table, mapping, fields, specs, [{ name: 'old', input: {} }]);
    expect(rows[0]).toEqual({ entry: { name: 'first', input: { question: 'Why?', priority: 2, tone: 'calm' } }, problems: [] });
    expect(rows[1]?.entry.input).toEqual({ priority: 'soon', tone: 'sad' });
    expect(rows[1]?.problems).toEqual(['priority: “soon” is not an integer.', 'tone: must be one of "calm", "angry".', 'question: required by the input schema.']);
    expect(rows[2]?.entry.name).toBe('imported 3');
    expect(rows[2]?.problems).toEqual(['priority: must be an integer.']);
    expect(rows[3]?.problems).toEqual(['A case named “old” exists already; rename one of them.']);
  });

  it('keeps JSON Lines values as typed, and leaves out ignored columns', () => {
    const rows = buildImportedRows(
      { header: ['question', 'priority', 'x'], rows: [{ question: 'Q', priority: 4, x: 'dropped' }] },
      { question: 'question', priority: 'priority', x: IGNORE_TARGET },
      fields,
      specs,
      [],
    );
    expect(rows).toEqual([{ entry: { name: 'imported 1', input: { question: 'Q', priority: 4 } }, problems: [] }]);
  });
});
