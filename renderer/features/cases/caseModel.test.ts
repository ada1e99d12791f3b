import { describe, expect, it } from 'vitest';
import type { PromptCase } from '../../../shared/prompts';
import {
  addCase,
  duplicateCase,
  insertCase,
  moveCase,
  parseJsonCell,
  removeCase,
  renameCase,
  schemaFields,
  setCaseChecks,
  setCaseInput,
  validateCases,
} from './caseModel';

const cases: PromptCase[] = [
  { name: 'a', input: { subject: 'x' } },
  { name: 'b', input: { subject: 'y', extra: 1 } },
];

describe('schemaFields', () => {
  it('reads required, optional and the editing kind from Picoschema', () => {
    expect(
      schemaFields({
        subject: "string, the ticket's subject",
        'tier?': 'string',
        count: 'integer',
        'tags?(array)': 'string',
        'mood(enum)': ['happy', 'sad'],
        meta: { a: 'string' },
      }),
    ).toEqual([
      { name: 'subject', required: true, kind: 'text', description: "the ticket's subject" },
      { name: 'tier', required: false, kind: 'text' },
      { name: 'count', required: true, kind: 'json' },
      { name: 'tags', required: false, kind: 'json' },
      { name: 'mood', required: true, kind: 'text' },
      { name: 'meta', required: true, kind: 'json' },
    ]);
  });

  it('reads JSON Schema too', () => {
    expect(
      schemaFields({ type: 'object', properties: { q: { type: 'string' }, n: { type: 'number' } }, required: ['q'] }),
    ).toEqual([
      { name: 'q', required: true, kind: 'text' },
      { name: 'n', required: false, kind: 'json' },
    ]);
    expect(schemaFields(undefined)).toEqual([]);
  });
});

describe('validateCases', () => {
  const fields = schemaFields({ subject: 'string', 'body?': 'string' });

  it('flags missing required fields, unknown keys and bad names', () => {
    const result = validateCases([...cases, { name: 'a', input: {} }, { name: ' ', input: { subject: 'z' } }], fields, true);
    expect(result.rows[0]).toEqual({ name: 'Another case has this name.', cells: {} });
    expect(result.rows[1]).toEqual({ cells: { extra: 'Not in the input schema.' } });
    expect(result.rows[2]?.cells).toEqual({ subject: 'Required by the input schema.' });
    expect(result.rows[3]?.name).toBe('Give the case a name.');
    expect(result.unknownKeys).toEqual(['extra']);
    expect(result.count).toBe(5);
  });

  it('accepts any key when there is no schema', () => {
    expect(validateCases(cases, [], false).count).toBe(0);
  });
});

describe('case edits', () => {
  it('adds with a fresh name and duplicates below the original', () => {
    expect(addCase(cases).at(-1)).toEqual({ name: 'case 3', input: {} });
    const copied = duplicateCase(cases, 0);
    expect(copied.map((entry) => entry.name)).toEqual(['a', 'a copy', 'b']);
    expect(copied[1]?.input).not.toBe(cases[0]?.input);
  });

  it('moves within bounds only', () => {
    expect(moveCase(cases, 0, 1).map((entry) => entry.name)).toEqual(['b', 'a']);
    expect(moveCase(cases, 0, -1).map((entry) => entry.name)).toEqual(['a', 'b']);
  });

  it('removes a key when a cell is emptied', () => {
    expect(setCaseInput(cases, 1, 'extra', undefined)[1]).toEqual({ name: 'b', input: { subject: 'y' } });
  });

  it('parses JSON cells and explains bad ones', () => {
    expect(parseJsonCell('[1, 2]')).toEqual({ ok: true, value: [1, 2] });
    expect(parseJsonCell('  ')).toEqual({ ok: true, value: undefined });
    expect(parseJsonCell('{oops')).toMatchObject({ ok: false, error: expect.stringMatching(/^Not valid JSON/) });
  });
});

describe('a case keeps its checks (`expect`) through every edit', () => {
  const checks = [{ 'json-path': '$.intent', equals: 'billing' }, { contains: 'refund', name: 'mentions refunds' }, { bogus: 1 }];
  const withChecks: PromptCase[] = [
    { name: 'a', input: { subject: 'x' }, expect: checks },
    { name: 'b', input: { subject: 'y' }, expect: [{ 'max-words': 5 }] },
  ];

  it('when renamed or its input is edited', () => {
    expect(renameCase(withChecks, 0, 'renamed')[0]).toEqual({ name: 'renamed', input: { subject: 'x' }, expect: checks });
    expect(setCaseInput(withChecks, 0, 'subject', 'z')[0]?.expect).toEqual(checks);
    expect(setCaseInput(withChecks, 0, 'subject', undefined)[0]?.expect).toEqual(checks);
  });

  it('when duplicated, as a copy of its own', () => {
    const copied = duplicateCase(withChecks, 0);
    expect(copied[1]).toEqual({ name: 'a copy', input: { subject: 'x' }, expect: checks });
    expect(copied[1]?.expect).not.toBe(checks);
    expect(copied[1]?.expect?.[0]).not.toBe(checks[0]);
  });

  it('when moved, and when deleted then put back', () => {
    expect(moveCase(withChecks, 0, 1)).toEqual([withChecks[1], withChecks[0]]);
    const removed = withChecks[0] as PromptCase;
    expect(insertCase(removeCase(withChecks, 0), 0, removed)).toEqual(withChecks);
  });

  it('changes only the checks it is given, and drops `expect` when none are left', () => {
    const next = setCaseChecks(withChecks, 1, [{ 'max-words': 3 }]);
    expect(next[1]).toEqual({ name: 'b', input: { subject: 'y' }, expect: [{ 'max-words': 3 }] });
    expect(next[0]).toBe(withChecks[0]);
    expect(setCaseChecks(withChecks, 1, [])[1]).toEqual({ name: 'b', input: { subject: 'y' } });
  });
});
