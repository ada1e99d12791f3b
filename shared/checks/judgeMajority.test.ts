import { describe, expect, it } from 'vitest';
import { majorityVerdict } from './judgeMajority';

const pass = (reason = 'good') => ({ pass: true, reason });
const fail = (reason = 'bad') => ({ pass: false, reason });
const unreadable = { pass: null, reason: 'the judge did not answer with JSON' };

describe('majorityVerdict', () => {
  it('takes a single answer as it is', () => {
    expect(majorityVerdict([pass('polite')])).toEqual({ pass: true, reason: 'polite', selfAgreement: 1, flipped: false });
  });

  it('takes the majority of three, flags the flip and counts the self-agreement', () => {
    const verdict = majorityVerdict([fail('rude'), pass('fine'), fail('curt')]);
    expect(verdict).toMatchObject({ pass: false, flipped: true });
    expect(verdict.selfAgreement).toBeCloseTo(2 / 3, 12);
    expect(verdict.reason).toBe('rude (the judge said pass 1 and fail 2 of 3 times)');
  });

  it('is undecided when unreadable answers leave no majority', () => {
    expect(majorityVerdict([unreadable])).toMatchObject({ pass: null, reason: unreadable.reason, flipped: false });
    const split = majorityVerdict([pass(), fail(), unreadable]);
    expect(split).toMatchObject({ pass: null, flipped: true });
    expect(split.reason).toMatch(/^no majority: the judge said pass 1 and fail 1 of 3 times/);
  });

  it('is undecided with no answer at all', () => {
    expect(majorityVerdict([]).pass).toBeNull();
  });
});
