import { describe, expect, it } from 'vitest';
import { csvCell, csvTable } from './csv';

describe('csvCell', () => {
  it('quotes per RFC 4180: commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it.each(['=1+1', '+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1', '=HYPERLINK("http://x.example","click")', "-'quoted"])(
    'makes %j plain text that no spreadsheet evaluates',
    (text) => {
      const cell = csvCell(text);
      // Unquoted, the cell starts with the quote; quoted, the first character inside the quotes is.
      const content = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(content).toBe(`'${text}`);
    },
  );

  it('keeps numbers, negative ones included, as numbers', () => {
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(true)).toBe('true');
  });

  it('leaves text that only contains those characters later on', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('Paris - the capital')).toBe('Paris - the capital');
    expect(csvCell(' =1')).toBe(' =1');
  });

  it('builds a table with CRLF between records', () => {
    expect(csvTable(['a', 'b'], [['=x', 1], [null, 'y,z']])).toBe("a,b\r\n'=x,1\r\n,\"y,z\"");
  });
});
