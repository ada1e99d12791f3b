import { describe, expect, it } from 'vitest';
import type { RunOverview } from '../../../shared/runs';
import { makeSummary } from '../../../test/support/runFixtures';
import { coverage, DEFAULT_SORT, filterRuns, sortRuns } from './runsTable';

const entry = (runId: string, overrides: Partial<RunOverview['run']> = {}, rated = 0, meanRating: number | null = null): RunOverview => ({
  run: makeSummary({ runId, createdAt: `2026-01-0${runId.slice(1)}T00:00:00.000Z`, ...overrides }),
  rated,
  meanRating,
});

const ids = (entries: RunOverview[]) => entries.map((item) => item.run.runId);

describe('the Runs page table', () => {
  const runs = [
    entry('r1', { prompt: 'triage', label: 'Baseline', ok: 10 }, 10, 4.5),
    entry('r2', { prompt: 'capital', label: null, ok: 10 }, 2, 2),
    entry('r3', { prompt: 'capital', label: 'tone change', ok: 0 }),
    entry('r4', { prompt: 'triage', label: 'Tone: warmer', ok: 4, pinnedAt: '2026-02-02T00:00:00.000Z' }, 1, 3),
  ];

  it('opens newest first, pinned runs on top', () => {
    expect(ids(sortRuns(runs, DEFAULT_SORT, new Map()))).toEqual(['r4', 'r3', 'r2', 'r1']);
  });

  it('sorts by a column both ways, leaving runs without a value last', () => {
    const unpinned = runs.slice(0, 3);
    expect(ids(sortRuns(unpinned, { key: 'mean', descending: true }, new Map()))).toEqual(['r1', 'r2', 'r3']);
    expect(ids(sortRuns(unpinned, { key: 'mean', descending: false }, new Map()))).toEqual(['r2', 'r1', 'r3']);
    expect(ids(sortRuns(unpinned, { key: 'label', descending: false }, new Map()))).toEqual(['r1', 'r3', 'r2']);
    expect(ids(sortRuns(unpinned, { key: 'coverage', descending: false }, new Map()))).toEqual(['r2', 'r1', 'r3']);
  });

  it('sorts by the pass rates known so far, the rest after them', () => {
    const rates = new Map([
      ['r1', 0.5],
      ['r3', 0.9],
    ]);
    expect(ids(sortRuns(runs, { key: 'passRate', descending: true }, rates))).toEqual(['r4', 'r3', 'r1', 'r2']);
  });

  it('keeps pinned runs in the order they were pinned, above the rest', () => {
    const pinned = [entry('r5', { pinnedAt: '2026-03-01T00:00:00.000Z' }), ...runs];
    expect(ids(sortRuns(pinned, { key: 'started', descending: true }, new Map())).slice(0, 2)).toEqual(['r5', 'r4']);
  });

  it('filters by prompt and by words of the label, any case', () => {
    expect(ids(filterRuns(runs, { prompt: 'capital', text: '' }))).toEqual(['r2', 'r3']);
    expect(ids(filterRuns(runs, { prompt: null, text: 'TONE' }))).toEqual(['r3', 'r4']);
    expect(ids(filterRuns(runs, { prompt: 'triage', text: 'tone warmer' }))).toEqual(['r4']);
  });

  it('counts rating coverage over the ok samples only', () => {
    expect(coverage(runs[0] as RunOverview)).toBe(1);
    expect(coverage(runs[1] as RunOverview)).toBe(0.2);
    expect(coverage(runs[2] as RunOverview)).toBeNull();
  });
});
