import { describe, expect, it } from 'vitest';
import { isoDate, toVersion } from './versionInfo';

describe('isoDate', () => {
  it('writes the author time in the author time zone, as git log --format=%aI', () => {
    // 2024-03-01T04:45:00Z; isomorphic-git gives UTC+05:30 as -330.
    expect(isoDate(1709268300, -330)).toBe('2024-03-01T10:15:00+05:30');
    expect(isoDate(1709268300, 420)).toBe('2024-02-29T21:45:00-07:00');
    expect(isoDate(1709268300, 0)).toBe('2024-03-01T04:45:00+00:00');
  });
});

describe('toVersion', () => {
  it('takes the first line as the summary and trims the message', () => {
    const person = { name: 'Ada', email: 'ada@example.com', timestamp: 1709268300, timezoneOffset: 0 };
    const version = toVersion('0123456789abcdef0123456789abcdef01234567', {
      message: 'Shorter answers\n\nBecause they ran long.\n',
      tree: 'f'.repeat(40),
      parent: [],
      author: person,
      committer: { ...person, name: 'Someone else' },
    });
    expect(version).toEqual({
      oid: '0123456789abcdef0123456789abcdef01234567',
      shortOid: '0123456',
      summary: 'Shorter answers',
      message: 'Shorter answers\n\nBecause they ran long.',
      author: { name: 'Ada', email: 'ada@example.com' },
      date: '2024-03-01T04:45:00+00:00',
    });
  });
});
