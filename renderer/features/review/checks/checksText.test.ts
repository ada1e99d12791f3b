import { describe, expect, it } from 'vitest';
import { passRate } from '../../../../shared/checks/passRate';
import type { CellPassRate } from '../../../../shared/checks/runChecks';
import { intervalText, passLabelText, passRateTitle } from './passRateText';
import { verdictRows, verdictTally } from './verdictRows';

const cell = (passed: number, total: number, extra: Partial<CellPassRate> = {}): CellPassRate => ({ model: 'm', temperature: 0, case: 'c', ...passRate(passed, total), callFailures: 0, undecided: 0, ...extra });

describe('pass-rate text', () => {
  it('labels a cell, giving a flaky one its rate', () => {
    expect(passLabelText(cell(10, 10))).toBe('stable pass');
    expect(passLabelText(cell(0, 4))).toBe('stable fail');
    expect(passLabelText(cell(6, 10))).toBe('flaky 60%');
  });

  it('writes the interval as the CLI does, and explains it and pass^N in the tooltip', () => {
    expect(intervalText(cell(18, 20))).toBe('[70%, 97%]');
    const title = passRateTitle(cell(18, 20, { callFailures: 1, undecided: 2 }));
    expect(title).toContain('18 of 20 finished samples passed every check.');
    expect(title).toContain('95% interval [70%, 97%] (Wilson)');
    expect(title).toContain('pass^5 59% [17%, 87%]: the chance that 5 fresh samples all pass.');
    expect(title).toContain('1 failed call counted as failing (no answer), apart from wrong answers.');
    expect(title).toContain('2 samples waiting for the judge, not counted yet.');
    // Nothing decided yet: no figures to explain.
    expect(passRateTitle(cell(0, 0, { undecided: 3 }))).toBe('3 samples waiting for the judge, not counted yet.');
  });
});

describe('verdict rows', () => {
  const checks = [
    { id: 'prompt#1', label: 'is JSON', kind: 'json' as const, case: null, spec: {} },
    { id: 'case:a#1', label: '$.intent = account_access', kind: 'json-path' as const, case: 'a', spec: {} },
    { id: 'case:a#2', label: 'polite', kind: 'rubric' as const, case: 'a', spec: {} },
  ];

  it('lists failures first, then checks waiting for the judge, then passes, each with its reason', () => {
    const rows = verdictRows(checks, [
      { check: 'prompt#1', passed: true, reason: 'valid JSON' },
      { check: 'case:a#1', passed: false, reason: 'expected $.intent = account_access, got billing_issue' },
      { check: 'case:a#2', passed: null, reason: 'waiting for the judge' },
    ]);
    expect(rows.map((row) => [row.label, row.state, row.reason])).toEqual([
      ['$.intent = account_access', 'failed', 'expected $.intent = account_access, got billing_issue'],
      ['polite', 'waiting', 'waiting for the judge'],
      ['is JSON', 'passed', 'valid JSON'],
    ]);
    expect(verdictTally(rows)).toBe('1 of 3 passes · 1 waiting');
  });

  it('says when all pass, and treats a check with no verdict yet as waiting', () => {
    expect(verdictTally(verdictRows(checks.slice(0, 1), [{ check: 'prompt#1', passed: true, reason: 'ok' }]))).toBe('1 of 1 passes');
    expect(verdictTally(verdictRows(checks.slice(0, 2), [{ check: 'prompt#1', passed: true, reason: 'ok' }, { check: 'case:a#1', passed: true, reason: 'ok' }]))).toBe('all 2 pass');
    expect(verdictRows(checks.slice(0, 1), [])).toEqual([{ checkId: 'prompt#1', label: 'is JSON', case: null, state: 'waiting', reason: 'not finished yet' }]);
  });
});
