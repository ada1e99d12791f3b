import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseDelimited } from './delimitedText';

describe('parseDelimited', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = 'name,question\r\n"a, b","She said ""hi""\nthen left"\r\nplain,x\r\n';
    expect(parseDelimited(text)).toEqual({
      ok: true,
      table: { header: ['name', 'question'], rows: [['a, b', 'She said "hi"\nthen left'], ['plain', 'x']] },
    });
  });

  it('drops a byte order mark, skips blank lines and keeps a last record without a line break', () => {
    const result = parseDelimited('\uFEFFname,n\n\na,1\rb,2');
    expect(result).toEqual({ ok: true, table: { header: ['name', 'n'], rows: [['a', '1'], ['b', '2']] } });
  });

  it('keeps empty fields, also at the end of a record', () => {
    expect(parseDelimited('a,b,c\n1,,\n')).toEqual({ ok: true, table: { header: ['a', 'b', 'c'], rows: [['1', '', '']] } });
  });

  it('treats a quote inside an unquoted field as text', () => {
    expect(parseDelimited('a\n5" screen\n')).toEqual({ ok: true, table: { header: ['a'], rows: [['5" screen']] } });
  });

  it('reads tab-separated text from a spreadsheet', () => {
    const text = 'name\tquestion\nfirst\tWhat is 2, plus 2?\n';
    expect(guessDelimiter(text)).toBe('\t');
    expect(parseDelimited(text)).toEqual({ ok: true, table: { header: ['name', 'question'], rows: [['first', 'What is 2, plus 2?']] } });
  });

  it('says where a quote is left open, and when there is nothing', () => {
    expect(parseDelimited('a,b\n1,"open\n2,3\n')).toEqual({ ok: false, error: 'The quote opened on line 2 is never closed. Close it with " or remove it.' });
    expect(parseDelimited('\n\n')).toEqual({ ok: false, error: 'There is nothing to import: the text is empty.' });
  });
});
