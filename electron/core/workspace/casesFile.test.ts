import { describe, expect, it } from 'vitest';
import { parseCasesFile } from './casesFile';

describe('parseCasesFile', () => {
  it('reads a list of named cases', () => {
    const parsed = parseCasesFile('c', '- name: one\n  input:\n    q: hi\n- name: two\n  input: {q: there}\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.cases).toEqual([
      { name: 'one', input: { q: 'hi' } },
      { name: 'two', input: { q: 'there' } },
    ]);
  });

  it('treats a missing or empty file as no cases', () => {
    expect(parseCasesFile('c', undefined)).toEqual({ cases: [], problems: [] });
    expect(parseCasesFile('c', '  \n')).toEqual({ cases: [], problems: [] });
  });

  it('reports YAML errors with a line', () => {
    const parsed = parseCasesFile('c', '- name: one\n  input: [unclosed\n');
    expect(parsed.cases).toEqual([]);
    expect(parsed.problems[0]?.message).toMatch(/^Invalid YAML/);
    expect(parsed.problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('says what shape is expected, and where it went wrong', () => {
    const parsed = parseCasesFile('c', '- name: one\n  input: {}\n- input: {q: 1}\n');
    expect(parsed.problems[0]?.message).toMatch(/each with a `name` and an `input` mapping \(at 1\.name\)/);
  });

  it('flags duplicate case names', () => {
    const parsed = parseCasesFile('c', '- name: a\n  input: {}\n- name: a\n  input: {}\n');
    expect(parsed.problems[0]?.message).toMatch(/Two cases are named "a"/);
  });
});
