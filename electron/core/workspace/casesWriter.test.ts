import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { serializeCases } from './casesWriter';

describe('serializeCases', () => {
  it('writes a list that reads back as the same cases', () => {
    const cases = [
      { name: 'one', input: { q: 'line 1\nline 2', n: 3 } },
      { name: 'two: tricky', input: { q: '<b> & "quotes"', list: ['a', 'b'] } },
    ];
    expect(parse(serializeCases(cases, undefined))).toEqual(cases);
  });

  it('keeps the comments of cases that still exist, matched by name', () => {
    const previous = '# Expected answers are in comments\n- name: France  # Paris\n  input:\n    country: France\n- name: Japan  # Tokyo\n  input:\n    country: Japan\n';
    const written = serializeCases(
      [
        { name: 'Japan', input: { country: 'Japan' } },
        { name: 'Peru', input: { country: 'Peru' } },
      ],
      previous,
    );
    expect(written).toContain('# Expected answers are in comments');
    expect(written).toMatch(/name: Japan #\s*Tokyo/);
    expect(written).not.toContain('Paris');
    expect(parse(written)).toEqual([
      { name: 'Japan', input: { country: 'Japan' } },
      { name: 'Peru', input: { country: 'Peru' } },
    ]);
  });

  it('ignores a previous file that does not parse', () => {
    expect(parse(serializeCases([{ name: 'a', input: {} }], '- [broken'))).toEqual([{ name: 'a', input: {} }]);
  });
});
