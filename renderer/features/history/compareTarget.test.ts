import { describe, expect, it } from 'vitest';
import type { Approval, VersionWithApproval } from '../../../shared/approvals';
import type { RunSummary } from '../../../shared/runs';
import { makeSummary } from '../../../test/support/varianceFixtures';
import { defaultCompareTarget, representativeRun } from './compareTarget';

const approval = (k: number): Approval => ({ runId: `r${k}`, models: [], temperatures: [], samples: 1, rating: null, rated: 0, consistency: null, tag: `approved/p/v${k}` });

function version(oid: string, approved: number | null = null): VersionWithApproval {
  return { oid, shortOid: oid, summary: oid, message: oid, author: { name: 'A', email: 'a@b' }, date: '2025-01-01T00:00:00Z', approval: approved ? approval(approved) : null };
}

// Newest first: v2 approved, a plain commit, v1 approved, the first commit.
const history = [version('c4', 2), version('c3'), version('c2', 1), version('c1')];

describe('defaultCompareTarget', () => {
  it('compares an approved version with the approved one before it, past plain commits', () => {
    expect(defaultCompareTarget(history, 0)).toMatchObject({ version: { oid: 'c2' }, reason: 'previous approved' });
  });

  it('compares anything else with the version before it', () => {
    expect(defaultCompareTarget(history, 1)).toMatchObject({ version: { oid: 'c2' }, reason: 'previous' });
    expect(defaultCompareTarget(history, 2)).toMatchObject({ version: { oid: 'c1' }, reason: 'previous' });
    // The draft (-1) with the latest commit.
    expect(defaultCompareTarget(history, -1)).toMatchObject({ version: { oid: 'c4' }, reason: 'previous' });
  });

  it('has nothing before the first version', () => {
    expect(defaultCompareTarget(history, 3)).toBeNull();
  });
});

describe('representativeRun', () => {
  const run = (runId: string, createdAt: string, overrides: Partial<RunSummary> = {}) => makeSummary([], { runId, createdAt, ...overrides });

  it('takes the newest finished run', () => {
    const runs = [run('old', '2025-01-01T00:00:00Z'), run('new', '2025-01-03T00:00:00Z'), run('running', '2025-01-04T00:00:00Z', { status: 'running', ok: 3 })];
    expect(representativeRun(runs)?.runId).toBe('new');
  });

  it('falls back to the newest run with finished samples, else none', () => {
    expect(representativeRun([run('part', '2025-01-02T00:00:00Z', { status: 'cancelled', ok: 4 }), run('empty', '2025-01-03T00:00:00Z', { status: 'cancelled', ok: 0 })])?.runId).toBe('part');
    expect(representativeRun([run('empty', '2025-01-03T00:00:00Z', { status: 'interrupted', ok: 0 })])).toBeNull();
    expect(representativeRun([])).toBeNull();
  });
});
