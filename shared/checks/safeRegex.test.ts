import { describe, expect, it } from 'vitest';
import { unsafeRegexReason } from './safeRegex';

describe('unsafeRegexReason', () => {
  it('accepts patterns of one level of repetition', () => {
    for (const pattern of ['^[A-Z][a-z]+$', '\\d{3}-\\d{4}', '(cat|dog)', '^(yes|no)$', '[(+*)]+', 'a\\(+', '(ab)?c+', '\\bParis\\b']) {
      expect(unsafeRegexReason(pattern), pattern).toBeNull();
    }
  });

  it('refuses nested repetition, repeated alternatives and backreferences', () => {
    for (const pattern of ['(a+)+$', '(a*)*', '((ab)+c)+', '(a|ab)*', '(\\w+\\s?)+$', '(a{2,})+', '(.)\\1', '(?<x>a)\\k<x>']) {
      expect(unsafeRegexReason(pattern), pattern).not.toBeNull();
    }
    expect(unsafeRegexReason('a'.repeat(501))).toMatch(/at most 500/);
  });
});
