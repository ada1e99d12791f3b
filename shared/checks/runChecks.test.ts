import { describe, expect, it } from 'vitest';
import { passRates, sampleOutcome, type CheckedRunSample, type SampleChecks } from './runChecks';

describe('sampleOutcome', () => {
  it('fails on any failed check or a failed call, is undecided while a check waits, passes otherwise', () => {
    expect(sampleOutcome('s', 'ok', [{ check: 'a', passed: true, reason: '' }])?.passed).toBe(true);
    expect(sampleOutcome('s', 'ok', [{ check: 'a', passed: true, reason: '' }, { check: 'b', passed: null, reason: 'waiting' }])).toMatchObject({ passed: null, undecided: ['b'] });
    expect(sampleOutcome('s', 'ok', [{ check: 'a', passed: false, reason: 'no' }, { check: 'b', passed: null, reason: '' }])).toMatchObject({ passed: false, failed: [{ check: 'a', reason: 'no' }] });
    expect(sampleOutcome('s', 'error', [{ check: 'a', passed: false, reason: 'the call failed' }])).toMatchObject({ passed: false, callFailed: true });
    expect(sampleOutcome('s', 'pending', [{ check: 'a', passed: null, reason: '' }])).toBeNull();
    // No check applies: neither a pass nor a failure, and not counted.
    expect(sampleOutcome('s', 'ok', [])).toBeNull();
    expect(sampleOutcome('s', 'error', [])).toBeNull();
  });
});

describe('passRates', () => {
  it('counts decided samples per cell and rolls them up', () => {
    const samples: CheckedRunSample[] = [];
    const outcomes = new Map<string, SampleChecks>();
    const add = (model: string, temperature: number, caseName: string, passed: boolean | null, status: CheckedRunSample['status'] = 'ok') => {
      const sampleId = `s${samples.length}`;
      samples.push({ sampleId, model, temperature, case: caseName, status });
      const outcome = sampleOutcome(sampleId, status, passed === null ? [{ check: 'r', passed: null, reason: '' }] : [{ check: 'c', passed, reason: '' }]);
      if (outcome) outcomes.set(sampleId, outcome);
    };
    for (let i = 0; i < 4; i++) add('m', 0, 'x', true);
    add('m', 0, 'x', false, 'error');
    add('m', 0, 'x', null);
    add('m', 0, 'x', true, 'pending');
    for (let i = 0; i < 3; i++) add('m', 1, 'x', false);
    const rates = passRates(samples, outcomes, { models: ['m'], temperatures: [0, 1], cases: ['x'] });
    expect(rates.cells.map(({ temperature, passed, total, label, callFailures, undecided }) => ({ temperature, passed, total, label, callFailures, undecided }))).toEqual([
      { temperature: 0, passed: 4, total: 5, label: 'flaky', callFailures: 1, undecided: 1 },
      { temperature: 1, passed: 0, total: 3, label: 'stable fail', callFailures: 0, undecided: 0 },
    ]);
    expect(rates.byCase).toMatchObject([{ case: 'x', passed: 4, total: 8 }]);
    expect(rates.byModelTemperature.map((entry) => entry.rate)).toEqual([0.8, 0]);
    expect(rates.overall).toMatchObject({ passed: 4, total: 8, rate: 0.5, label: 'flaky' });
  });
});
