import { describe, expect, it } from 'vitest';
import { caseColumns, formatCaseValue, previewCaseValue } from './caseValues';

describe('case values', () => {
  it('shows strings as written and other values as JSON', () => {
    expect(formatCaseValue('a\nb')).toBe('a\nb');
    expect(formatCaseValue(3)).toBe('3');
    expect(formatCaseValue(['x'])).toBe('[\n  "x"\n]');
    expect(formatCaseValue(undefined)).toBe('');
  });

  it('previews on one line', () => {
    expect(previewCaseValue('Hi,\n  my card\twas charged')).toBe('Hi, my card was charged');
    expect(previewCaseValue(['a', 'b'])).toBe('["a","b"]');
  });

  it('orders columns by the schema, then by first use', () => {
    expect(caseColumns(['subject', 'body'], [{ body: 1, extra: 2 }, { subject: 3, other: 4 }])).toEqual([
      'subject',
      'body',
      'extra',
      'other',
    ]);
  });
});
