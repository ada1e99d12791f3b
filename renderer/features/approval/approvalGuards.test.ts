import { describe, expect, it } from 'vitest';
import { approvalGuards, type GuardInput } from './approvalGuards';

const summary: GuardInput['summary'] = {
  prompt: 'capital-city',
  commit: null,
  contentHash: 'src1',
  status: 'done',
  total: 360,
  ok: 360,
  errors: 0,
  pending: 0,
  cancelled: 0,
};
const current = { sourceHash: 'src1', casesHash: 'cases1' };
const input = (patch: Partial<GuardInput> = {}): GuardInput => ({ summary, runCasesHash: 'cases1', rated: 100, current, ...patch });
const kinds = (patch: Partial<GuardInput> = {}) => approvalGuards(input(patch)).map((guard) => `${guard.kind}:${guard.severity}`);

describe('approvalGuards', () => {
  it('has nothing to say about a finished, well rated run of the text on disk', () => {
    expect(kinds()).toEqual([]);
    // The prompt is still loading: nothing is claimed about it yet.
    expect(kinds({ current: undefined })).toEqual([]);
  });

  it('blocks a run of a prompt or cases that changed since, saying what was run', () => {
    const [prompt] = approvalGuards(input({ summary: { ...summary, commit: 'abcdef0123' }, current: { sourceHash: 'src2', casesHash: 'cases1' } }));
    expect(prompt).toMatchObject({ kind: 'promptChanged', severity: 'block' });
    expect(prompt?.detail).toContain('commit abcdef0');
    expect(approvalGuards(input({ current: 'missing' }))[0]?.detail).toContain('no longer exists');
    expect(kinds({ current: { sourceHash: 'src1', casesHash: 'cases2' } })).toEqual(['casesChanged:block']);
    // Warnings are left out when the run cannot be approved anyway.
    expect(kinds({ rated: 0, current: 'missing' })).toEqual(['promptChanged:block']);
    // Runs from before runs kept their cases are not checked.
    expect(kinds({ runCasesHash: null, current: { sourceHash: 'src1', casesHash: 'cases2' } })).toEqual([]);
  });

  it('warns about a run that stopped part way, and one with failed samples', () => {
    const cancelled = { ...summary, status: 'cancelled' as const, ok: 77, pending: 0, cancelled: 283 };
    const [guard] = approvalGuards(input({ summary: cancelled, rated: 77 }));
    expect(guard).toMatchObject({ kind: 'incomplete', severity: 'warning', title: 'This run stopped at 77 of 360 samples' });
    expect(guard?.detail).toContain('cancelled');
    expect(kinds({ summary: { ...summary, ok: 340, errors: 20 }, rated: 340 })).toEqual(['failed:warning']);
  });

  it('warns when no answer, or under a fifth of them, is rated', () => {
    expect(kinds({ rated: 0 })).toEqual(['unrated:warning']);
    const [low] = approvalGuards(input({ rated: 8 }));
    expect(low).toMatchObject({ kind: 'lowCoverage', severity: 'warning', title: 'Only 8 of 360 answers are rated (2%)' });
    expect(kinds({ rated: 72 })).toEqual([]);
    expect(approvalGuards(input({ rated: 1 }))[0]?.title).toContain('(under 1%)');
  });
});

describe('the pass-rate gate', () => {
  const passRate = { rate: 0.78, low: 0.72, high: 0.83, n: 200 };

  it('warns, to be acknowledged, when the run passes its checks less often than the gate asks', () => {
    const [guard] = approvalGuards(input({ passRate, minPassRate: 0.9 }));
    expect(guard).toMatchObject({ kind: 'lowPassRate', severity: 'warning', title: 'Passes its checks 78% of the time, below the 90% gate' });
    expect(guard?.detail).toContain('156 of 200 decided samples passed every check (95% interval 72%–83%)');
  });

  it('says nothing at or above the gate, without checks, with nothing decided, or while the settings load', () => {
    expect(kinds({ passRate: { ...passRate, rate: 0.9 }, minPassRate: 0.9 })).toEqual([]);
    expect(kinds({ passRate: undefined, minPassRate: 0.9 })).toEqual([]);
    expect(kinds({ passRate: { rate: null, low: 0, high: 1, n: 0 }, minPassRate: 0.9 })).toEqual([]);
    expect(kinds({ passRate, minPassRate: undefined })).toEqual([]);
  });

  it('never rounds a rate just under the gate up to it', () => {
    expect(approvalGuards(input({ passRate: { ...passRate, rate: 0.896 }, minPassRate: 0.9 }))[0]?.title).toBe('Passes its checks 89% of the time, below the 90% gate');
  });

  it('gives way to a block: a changed prompt cannot be approved at any pass rate', () => {
    expect(kinds({ passRate, minPassRate: 0.9, current: 'missing' })).toEqual(['promptChanged:block']);
  });
});
