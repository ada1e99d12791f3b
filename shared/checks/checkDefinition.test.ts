import { describe, expect, it } from 'vitest';
import { readCheck } from './checkDefinition';

describe('readCheck', () => {
  it('reads each kind with its first key as the kind and the rest as options', () => {
    expect(readCheck({ 'json-path': '$.intent', equals: 'account_access', name: 'intent' })).toEqual({
      ok: true,
      spec: { kind: 'json-path', path: '$.intent', equals: 'account_access' },
      name: 'intent',
    });
    expect(readCheck({ contains: 'reset' })).toEqual({ ok: true, spec: { kind: 'contains', value: 'reset' }, name: null });
    expect(readCheck({ 'contains-any': ['a', 2] })).toMatchObject({ ok: true, spec: { values: ['a', '2'] } });
    expect(readCheck('json')).toEqual({ ok: true, spec: { kind: 'json' }, name: null });
    expect(readCheck({ 'max-words': 1 })).toMatchObject({ ok: true, spec: { kind: 'max-words', limit: 1 } });
    expect(readCheck({ rubric: ' Polite ', judge: 'openai/gpt-4o-mini' })).toMatchObject({ ok: true, spec: { rubric: 'Polite', judge: 'openai/gpt-4o-mini', judgeRepeats: 1 } });
    expect(readCheck({ similar: 'Paris', threshold: 0.5 })).toMatchObject({ ok: true, spec: { method: 'lexical', threshold: 0.5 } });
    // `name` may come first: the kind is the first other key.
    expect(readCheck({ name: 'short', 'max-length': 280 })).toMatchObject({ ok: true, name: 'short', spec: { kind: 'max-length' } });
  });

  it('says what is wrong and how to write it', () => {
    const message = (raw: unknown) => {
      const read = readCheck(raw);
      return read.ok ? 'ok' : read.message;
    };
    expect(message({ contain: 'x' })).toMatch(/^"contain" is not a kind of check\. Use one of: equals, contains/);
    expect(message('contains')).toMatch(/A check is a mapping whose first key is its kind/);
    expect(message({ 'json-path': '$.a' })).toBe('A `json-path` check needs `equals`, `in`, `min` or `max` to say what the value must be.');
    expect(message({ 'json-path': 'intent', equals: 1 })).toMatch(/takes a path from the output's root/);
    expect(message({ 'json-path': '$.a..b', equals: 1 })).toMatch(/is not a path this check reads/);
    expect(message({ 'json-path': '$.a', min: 'high' })).toBe('`min` takes a number, for example `min: 0.8`.');
    expect(message({ contains: 'x', equals: 'y' })).toBe('A `contains` check has no option `equals`: it takes only `name` besides its value.');
    expect(message({ 'max-words': 1.5 })).toMatch(/takes a whole number/);
    expect(message({ contains: '' })).toBe('`contains` takes a text that is not empty, for example `contains: reset`.');
    expect(message({ regex: '(' })).toMatch(/not a valid regular expression/);
    expect(message({ regex: '(a+)+$' })).toMatch(/repeats a group that itself repeats/);
    expect(message({ regex: 'x', flags: 'g' })).toMatch(/flags/);
    expect(message({ rubric: 'ok', judgeRepeats: 2 })).toMatch(/odd whole number/);
    expect(message({ similar: 'Paris', method: 'embedding' })).toMatch(/^`method: embedding` is not available yet\. Use `lexical`/);
    expect(message({ rubric: 'ok', judge: 'gpt-4o' })).toMatch(/provider\/model/);
    expect(message({ name: '' , contains: 'x' })).toBe('`name` must be a non-empty text.');
  });
});
