import { describe, expect, it } from 'vitest';
import { parseJudgeAnswer } from './judgeAnswer';

describe('parseJudgeAnswer', () => {
  it('reads the plain JSON asked for', () => {
    expect(parseJudgeAnswer('{"pass": true, "reason": "Offers the reset link only."}')).toEqual({ pass: true, reason: 'Offers the reset link only.' });
    expect(parseJudgeAnswer('{"pass":false,"reason":"Rude."}')).toEqual({ pass: false, reason: 'Rude.' });
  });

  it('reads JSON inside code fences and words around it', () => {
    const answer = 'Here is my verdict:\n```json\n{\n  "pass": false,\n  "reason": "It also asks for the password {twice}."\n}\n```\nHope that helps.';
    expect(parseJudgeAnswer(answer)).toEqual({ pass: false, reason: 'It also asks for the password {twice}.' });
  });

  it('skips objects without a verdict and takes the first that has one', () => {
    expect(parseJudgeAnswer('Rubric {"kind": "x"} then {"pass": "yes", "reason": "fine"}')).toEqual({ pass: true, reason: 'fine' });
  });

  it('keeps the reason on one line and short', () => {
    const vote = parseJudgeAnswer(JSON.stringify({ pass: true, reason: `line one\nline two ${'x'.repeat(400)}` }));
    expect(vote.reason).not.toContain('\n');
    expect(vote.reason.length).toBeLessThanOrEqual(301);
  });

  it('says so when the reason is missing', () => {
    expect(parseJudgeAnswer('{"pass": true}')).toEqual({ pass: true, reason: 'the judge gave no reason' });
  });

  it('is an undecided vote, quoting the answer, when no verdict can be read', () => {
    const vote = parseJudgeAnswer('I think it is mostly fine but cannot be sure.');
    expect(vote.pass).toBeNull();
    expect(vote.reason).toMatch(/did not answer with/);
    expect(vote.reason).toContain('I think it is mostly fine');
    expect(parseJudgeAnswer('{"pass": "maybe", "reason": "?"}').pass).toBeNull();
    expect(parseJudgeAnswer('{"pass": tru').pass).toBeNull();
    expect(parseJudgeAnswer('   ').reason).toMatch(/answered nothing/);
  });
});
