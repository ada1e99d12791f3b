import { describe, expect, it } from 'vitest';
import { splitInlineCode } from './TextWithCode';

describe('splitInlineCode', () => {
  it('marks backticked parts as code', () => {
    expect(splitInlineCode('is `workbench serve` still running?')).toEqual([
      { code: false, text: 'is ' },
      { code: true, text: 'workbench serve' },
      { code: false, text: ' still running?' },
    ]);
  });

  it('leaves a lone backtick and markup as text', () => {
    expect(splitInlineCode('a ` b <b>c</b>')).toEqual([{ code: false, text: 'a ` b <b>c</b>' }]);
  });
});
