import { describe, expect, it } from 'vitest';
import { readCheck } from '../../../../shared/checks/checkDefinition';
import { CHECK_KINDS } from '../../../../shared/checks/checkTypes';
import { CHECK_FIELDS, checkKindOf, checkSummary, formatField, formatValue, newCheck, parseField, parseValue, setCheckField, setCheckName } from './checkForm';
import { insertCheck, moveCheck, removeCheck, replaceCheck } from './checkList';

describe('checkForm', () => {
  it('knows the kind of a check as written, and none for what it cannot edit', () => {
    expect(checkKindOf('json')).toBe('json');
    expect(checkKindOf({ name: 'intent', 'json-path': '$.intent', equals: 'x' })).toBe('json-path');
    expect(checkKindOf({ contians: 'x' })).toBeNull();
    expect(checkKindOf('contains reset')).toBeNull();
    expect(checkKindOf([1])).toBeNull();
  });

  it('starts each kind with its kind first, and every field a kind lists is an option readCheck accepts', () => {
    for (const kind of CHECK_KINDS) {
      expect(checkKindOf(newCheck(kind))).toBe(kind);
      const message = (result: ReturnType<typeof readCheck>) => (result.ok ? '' : result.message);
      const fields = Object.fromEntries(CHECK_FIELDS[kind].slice(1).map((field) => [field.key, null]));
      const read = readCheck({ ...(typeof newCheck(kind) === 'object' ? (newCheck(kind) as object) : { json: true }), ...fields });
      expect(message(read)).not.toMatch(/has no option/);
    }
  });

  it('sets one field, keeping keys it does not know and their order', () => {
    const raw = { 'json-path': '$.a', equals: 1, note: 'mine' };
    expect(Object.entries(setCheckField(raw, 'equals', 2))).toEqual([['json-path', '$.a'], ['equals', 2], ['note', 'mine']]);
    expect(setCheckField(raw, 'equals', undefined)).toEqual({ 'json-path': '$.a', note: 'mine' });
    expect(setCheckField('json', 'name', 'is JSON')).toEqual({ json: true, name: 'is JSON' });
  });

  it('names a check, and a blank name leaves none', () => {
    expect(setCheckName({ contains: 'x' }, 'greets')).toEqual({ contains: 'x', name: 'greets' });
    expect(setCheckName({ contains: 'x', name: 'greets' }, '')).toEqual({ contains: 'x' });
    expect(setCheckName('json', '')).toBe('json');
  });

  it('reads numbers as numbers and keeps anything else as text for readCheck to explain', () => {
    expect(parseField('number', ' 0.8 ', false)).toBe(0.8);
    expect(parseField('number', 'many', true)).toBe('many');
    expect(readCheck({ 'max-words': parseField('number', 'many', true) })).toMatchObject({ ok: false, message: expect.stringMatching(/whole number/) });
    expect(parseField('number', '', true)).toBeNull();
    expect(parseField('number', '', false)).toBeUndefined();
    expect(parseField('text', '', true)).toBe('');
  });

  it('reads values as YAML would, and shows text that looks like another type quoted', () => {
    expect(parseValue('account_access')).toBe('account_access');
    expect(parseValue('12')).toBe(12);
    expect(parseValue('"12"')).toBe('12');
    expect(parseValue('[1, "a"]')).toEqual([1, 'a']);
    expect(parseValue('{oops')).toBe('{oops');
    expect(formatValue('12')).toBe('"12"');
    expect(formatValue('billing')).toBe('billing');
    expect(formatValue(true)).toBe('true');
    for (const value of ['12', 'true', 'billing', 3, null, { a: 1 }]) expect(parseValue(formatValue(value))).toEqual(value);
  });

  it('reads lines as lists, values typed per line', () => {
    expect(parseField('lines', 'refund\n\ncredit\n', true)).toEqual(['refund', 'credit']);
    expect(parseField('valueLines', 'billing\n2', false)).toEqual(['billing', 2]);
    expect(parseField('valueLines', '\n', false)).toBeUndefined();
    expect(formatField('valueLines', ['billing', 2, '2'])).toBe('billing\n2\n"2"');
    expect(formatField('number', null)).toBe('');
  });
});

describe('checkSummary', () => {
  it('names a check by its name, else its description, and leaves out what only repeats the kind', () => {
    expect(checkSummary(readCheck({ 'json-path': '$.intent', equals: 'billing' }))).toBe('$.intent = "billing"');
    expect(checkSummary(readCheck({ contains: 'reset', name: 'offers a reset' }))).toBe('offers a reset');
    expect(checkSummary(readCheck('json'))).toBe('');
    expect(checkSummary(readCheck({ contians: 'x' }))).toBe('');
  });
});

describe('checkList', () => {
  const list = ['json', { contains: 'a' }, { contains: 'b' }];
  it('replaces, removes, puts back and moves', () => {
    expect(replaceCheck(list, 1, { contains: 'z' })).toEqual(['json', { contains: 'z' }, { contains: 'b' }]);
    expect(insertCheck(removeCheck(list, 1), 1, list[1])).toEqual(list);
    expect(insertCheck([], 5, 'json')).toEqual(['json']);
    expect(moveCheck(list, 2, -1)).toEqual(['json', { contains: 'b' }, { contains: 'a' }]);
    expect(moveCheck(list, 0, -1)).toEqual(list);
  });
});
