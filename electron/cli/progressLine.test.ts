import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../shared/runs';
import { formatDuration, formatProgress, progressReporter } from './progressLine';

const progress = (overrides: Partial<RunProgress>): RunProgress => ({
  runId: 'r',
  status: 'running',
  total: 200,
  done: 50,
  ok: 48,
  errors: 2,
  rate: 12.4,
  etaMs: 12_000,
  stopReason: null,
  ...overrides,
});

describe('formatProgress', () => {
  it('shows the bar, counts, errors, rate and ETA', () => {
    expect(formatProgress(progress({}))).toBe('██████░░░░░░░░░░░░░░░░░░ 50/200  25%  2 errors  12/s  ETA 12s');
  });

  it('leaves out what is not known yet and the ETA once done', () => {
    expect(formatProgress(progress({ done: 0, errors: 0, rate: 0, etaMs: null }))).toBe(`${'░'.repeat(24)} 0/200  0%`);
    expect(formatProgress(progress({ done: 200, errors: 1, rate: 2.5, etaMs: 0 }))).toBe(`${'█'.repeat(24)} 200/200  100%  1 error  2.5/s`);
  });
});

describe('formatDuration', () => {
  it('reads naturally at every scale', () => {
    expect(formatDuration(4_400)).toBe('4s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
  });
});

describe('progressReporter', () => {
  it('redraws one line in place on a terminal', () => {
    const written: string[] = [];
    const reporter = progressReporter({ write: (text) => written.push(text), isTerminal: true, columns: 120 });
    reporter.update(progress({ done: 10 }));
    reporter.update(progress({ done: 20 }));
    reporter.finish(progress({ done: 200, etaMs: 0 }));
    expect(written.every((text) => text.startsWith('\r'))).toBe(true);
    expect(written.at(-1)).toMatch(/200\/200.*\n$/);
    expect(written.slice(0, -1).some((text) => text.includes('\n'))).toBe(false);
  });

  it('prints a plain line at most every two seconds without a terminal', () => {
    const written: string[] = [];
    let clock = 0;
    const reporter = progressReporter({ write: (text) => written.push(text), isTerminal: false }, () => clock);
    reporter.update(progress({ done: 10 }));
    clock = 500;
    reporter.update(progress({ done: 20 }));
    clock = 2_100;
    reporter.update(progress({ done: 30 }));
    expect(written.map((line) => /(\d+)\/200/.exec(line)?.[1])).toEqual(['10', '30']);
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });
});

describe('progressReporter finish', () => {
  it('does not repeat the last plain line', () => {
    const written: string[] = [];
    const reporter = progressReporter({ write: (text) => written.push(text), isTerminal: false }, () => 0);
    const last = progress({ done: 200, etaMs: 0 });
    reporter.update(last);
    reporter.finish(last);
    expect(written).toHaveLength(1);
  });
});
