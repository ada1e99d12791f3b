import { describe, expect, it } from 'vitest';
import type { JudgeRunResult } from '../../../../shared/checks/judging';
import { agreementText, judgeProgressText, judgeResultText, kappaText, leftOutText, thresholdsText } from './calibrationText';

const result = (over: Partial<JudgeRunResult>): JudgeRunResult => ({ runId: 'r', wanted: 12, judged: 12, calls: 12, inputTokens: 100, outputTokens: 10, costUsd: 0.0031, failures: [], ...over });

describe('judge calibration text', () => {
  it('writes kappa with its interval and a true minus sign, and nothing when it is undefined', () => {
    expect(kappaText({ kappa: 0.6234, low: 0.2111, high: 1 })).toBe('κ 0.62 [0.21, 1.00]');
    expect(kappaText({ kappa: -0.25, low: -0.9, high: 0.4 })).toBe('κ −0.25 [−0.90, 0.40]');
    expect(kappaText({ kappa: null, low: null, high: null })).toBeNull();
  });

  it('names the thresholds, the agreement with its n, and what was left out', () => {
    expect(thresholdsText({ good: 4, bad: 2 })).toBe('good = rated ≥ 4, bad = rated ≤ 2');
    expect(agreementText({ n: 12, agreement: 10 / 12 })).toBe('agree 83% of 12');
    expect(agreementText({ n: 0, agreement: null })).toBe('no overlap yet');
    expect(leftOutText({ leftOut: 0 }, { good: 4, bad: 2 })).toBeNull();
    expect(leftOutText({ leftOut: 3 }, { good: 4, bad: 2 })).toBe('3 judged samples rated between 2 and 4 left out');
  });

  it('says what judging did: outputs, calls, cost and failures', () => {
    expect(judgeProgressText({ done: 3, total: 12 })).toBe('Judging 3 of 12…');
    expect(judgeResultText(result({}))).toBe('Judged 12 of 12 outputs · 12 calls · $0.0031');
    // Everything was cached: no calls, so no cost to speak of.
    expect(judgeResultText(result({ calls: 0, costUsd: null }))).toBe('Judged 12 of 12 outputs · 0 calls');
    expect(judgeResultText(result({ wanted: 0, judged: 0, calls: 0 }))).toMatch(/^Nothing left to judge: /);
    expect(judgeResultText(result({ judged: 10, failures: ['openai: key refused'] }))).toBe('Judged 10 of 12 outputs · 12 calls · $0.0031. Not judged: openai: key refused');
  });
});
