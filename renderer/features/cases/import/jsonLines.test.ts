import { describe, expect, it } from 'vitest';
import { looksLikeJsonLines, parseJsonLines } from './jsonLines';

describe('parseJsonLines', () => {
  it('reads one object per line, columns in the order keys first appear', () => {
    const result = parseJsonLines('{"name":"a","n":1}\r\n\n{"name":"b","tags":["x"],"n":2}\n');
    expect(result).toEqual({
      ok: true,
      table: { header: ['name', 'n', 'tags'], rows: [{ name: 'a', n: 1 }, { name: 'b', tags: ['x'], n: 2 }] },
    });
  });

  it('names the line that is not an object', () => {
    expect(parseJsonLines('{"a":1}\n[1,2]\n')).toMatchObject({ ok: false, error: expect.stringContaining('Line 2 is not a JSON object') });
    expect(parseJsonLines('{"a":1}\n{oops\n')).toMatchObject({ ok: false, error: expect.stringContaining('Line 2 is not JSON') });
    expect(parseJsonLines('  \n')).toMatchObject({ ok: false });
  });

  it('tells JSON Lines from CSV by the first line', () => {
    expect(looksLikeJsonLines('\n {"a":1}')).toBe(true);
    expect(looksLikeJsonLines('a,b\n1,2')).toBe(false);
  });
});
