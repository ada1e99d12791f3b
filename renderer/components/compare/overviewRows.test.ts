import { describe, expect, it } from 'vitest';
import type { RunOverview } from '../../../shared/variance/runComparison';
import { overviewRows, toneOf, withSign } from './overviewRows';

const base: RunOverview = {
  runId: 'a',
  ok: 20,
  errors: 0,
  errorRate: 0,
  ratingMean: 3.2,
  ratingSd: 1,
  rated: 10,
  consistency: 0.6,
  distinctShare: 0.5,
  schemaValidRate: null,
  costUsd: 0.02,
  costPerSample: 0.001,
  latencyP50Ms: 800,
};

const rows = (a: Partial<RunOverview>, b: Partial<RunOverview>) => Object.fromEntries(overviewRows({ a: { ...base, ...a }, b: { ...base, runId: 'b', ...b } }).map((row) => [row.label, row]));

describe('overviewRows', () => {
  it('shows both values and the signed change', () => {
    const table = rows({}, { ratingMean: 4.1, consistency: 0.62, latencyP50Ms: 1400 });
    expect(table['Mean rating']).toMatchObject({ a: '3.20', b: '4.10', change: '+0.90', tone: 'better' });
    // Below the notable bar: told, but not coloured.
    expect(table['Consistency']).toMatchObject({ change: '+0.02', tone: 'neutral' });
    expect(table['Median latency']).toMatchObject({ a: '800 ms', b: '1.4 s', change: '+600 ms', tone: 'worse' });
    expect(table['Rated samples']).toMatchObject({ change: 'no change', tone: 'neutral' });
  });

  it('colours lower as better where less is more', () => {
    const table = rows({}, { distinctShare: 0.2, costPerSample: 0.0005 });
    expect(table['Distinct outputs']).toMatchObject({ a: '50%', b: '20%', change: '−30 pts', tone: 'better' });
    expect(table['Cost per sample']).toMatchObject({ a: '$0.0010', b: '$0.00050', change: '−50%', tone: 'better' });
  });

  it('always flags a run that starts failing', () => {
    const table = rows({}, { errors: 1, errorRate: 0.005 });
    expect(table['Error rate']).toMatchObject({ a: '0%', b: '0.5%', change: '+0.5 pts', tone: 'worse' });
  });

  it('leaves out figures neither run has, and dashes one side missing', () => {
    const table = rows({ ratingMean: null }, {});
    expect(table['Schema-valid']).toBeUndefined();
    expect(table['Mean rating']).toMatchObject({ a: '—', b: '3.20', change: null, tone: 'neutral' });
  });
});

describe('withSign', () => {
  it('never shows a signed zero', () => {
    expect(withSign(-0.004, '0.00')).toBe('±0.00');
    expect(withSign(0.3, '0.30')).toBe('+0.30');
    expect(withSign(-2, '2 ms')).toBe('−2 ms');
  });
});

describe('toneOf', () => {
  it('needs a notable change in the right direction', () => {
    expect(toneOf(0.3, true, 0.25)).toBe('better');
    expect(toneOf(-0.3, true, 0.25)).toBe('worse');
    expect(toneOf(0.1, true, 0.25)).toBe('neutral');
    expect(toneOf(null, true, 0)).toBe('neutral');
    expect(toneOf(0, false, 0)).toBe('neutral');
  });
});
