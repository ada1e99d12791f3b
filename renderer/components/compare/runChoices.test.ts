import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../shared/runs';
import { otherRuns, runLabel, suggestedOther } from './runChoices';

function run(runId: string, createdAt: string, status: RunSummary['status'] = 'done', commit: string | null = null): RunSummary {
  return {
    runId,
    prompt: 'p',
    commit,
    contentHash: 'abcdef0123456789',
    status,
    stopReason: null,
    createdAt,
    finishedAt: null,
    models: ['openai/gpt-4o-mini'],
    temperatures: [0],
    cases: ['default'],
    samplesPerCell: 3,
    total: 1200,
    ok: 3,
    errors: 0,
    pending: 0,
    cancelled: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: null,
    label: null,
    pinnedAt: null,
  };
}

const runs = [
  run('old', '2025-03-01T10:00:00.000Z'),
  run('current', '2025-03-03T10:00:00.000Z'),
  run('cancelled', '2025-03-02T12:00:00.000Z', 'cancelled'),
  run('approved', '2025-03-02T10:00:00.000Z', 'done', '3f9a2c1deadbeef'),
];

describe('runChoices', () => {
  it('lists the other runs newest first', () => {
    expect(otherRuns(runs, 'current').map((entry) => entry.runId)).toEqual(['cancelled', 'approved', 'old']);
  });

  it('suggests the newest other run that finished', () => {
    expect(suggestedOther(runs, 'current')).toBe('approved');
    expect(suggestedOther([run('a', '2025-01-01T00:00:00Z', 'cancelled'), run('b', '2025-01-02T00:00:00Z')], 'b')).toBe('a');
    expect(suggestedOther([run('only', '2025-01-01T00:00:00Z')], 'only')).toBeNull();
  });

  it('names a run by when, which version and how big', () => {
    expect(runLabel(runs[3]!, 'en-GB')).toContain(' · commit 3f9a2c1 · 1,200 samples');
    const label = runLabel(runs[2]!, 'en-GB');
    expect(label).toMatch(/^2 Mar, \d\d:00 · /);
    expect(label).toContain('draft · content abcdef0 · 1,200 samples · cancelled');
  });
});
