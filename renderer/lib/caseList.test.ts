import { describe, expect, it } from 'vitest';
import type { PromptCase } from '../../shared/prompts';
import { casesEqual, duplicateCaseName } from './caseList';

const cases: PromptCase[] = [
  { name: 'a', input: { subject: 'x' } },
  { name: 'b', input: { subject: 'y', extra: 1 } },
];

describe('a list of cases', () => {
  it('finds a name used twice', () => {
    expect(duplicateCaseName(cases)).toBeNull();
    expect(duplicateCaseName([...cases, { name: 'a', input: {} }])).toBe('a');
  });

  it('compares cases regardless of key order, but not of their order', () => {
    expect(casesEqual([{ name: 'a', input: { x: 1, y: [1] } }], [{ name: 'a', input: { y: [1], x: 1 } }])).toBe(true);
    expect(casesEqual(cases, [cases[1] as PromptCase, cases[0] as PromptCase])).toBe(false);
  });
});
