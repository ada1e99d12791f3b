import { describe, expect, it } from 'vitest';
import { passRate } from '../../../shared/checks/passRate';
import type { CellPassRate, RunChecks, SampleChecks } from '../../../shared/checks/runChecks';
import type { Sample } from '../../../shared/runs';
import type { JudgeCalibration, RubricCalibration } from '../../../shared/checks/judging';
import { NO_FILTER } from '../../lib/sampleFilter/sampleFilter';
import { cellMatches, checksChoice, effectiveVerdict, filterCounts, filterValue, indexChecks, NO_CHECKS, parseFilterValue, sampleMatches, withCalibration, withChecksChoice, type ReviewFilter } from './reviewFilter';

const effectiveFilter = (asked: ReviewFilter | null, counts: ReturnType<typeof filterCounts>) => effectiveVerdict(withChecksChoice(NO_FILTER, asked), counts);

const sample = (sampleId: string, model: string, status: Sample['status'] = 'ok'): Sample =>
  ({ sampleId, runId: 'r', model, temperature: 0, case: 'c', index: 0, status }) as Sample;
const outcome = (sampleId: string, failed: string[], callFailed = false): SampleChecks => ({
  sampleId,
  passed: false,
  callFailed,
  failed: failed.map((check) => ({ check, reason: `${check} failed` })),
  undecided: [],
});
const cellRate = (model: string, passed: number, total: number): CellPassRate => ({ model, temperature: 0, case: 'c', ...passRate(passed, total), callFailures: 0, undecided: 0 });

// Model a: a1 passes, a2 fails `contains`, a3's call failed. Model b: b1 and b2 pass; b3 is undecided.
const samples = [sample('a1', 'a'), sample('a2', 'a'), sample('a3', 'a', 'error'), sample('b1', 'b'), sample('b2', 'b'), sample('b3', 'b')];
const data = {
  runId: 'r',
  checks: [
    { id: 'prompt#1', label: 'contains "reset"', kind: 'contains', case: null, spec: {} },
    { id: 'prompt#2', label: 'at most 20 words', kind: 'max-words', case: null, spec: {} },
  ],
  samples: [outcome('a2', ['prompt#1']), outcome('a3', ['prompt#1', 'prompt#2'], true), { sampleId: 'b3', passed: null, callFailed: false, failed: [], undecided: ['prompt#2'] }],
  cells: [cellRate('a', 1, 3), cellRate('b', 2, 2)],
} as unknown as RunChecks;
const index = indexChecks(data);
const byId = new Map(samples.map((entry) => [entry.sampleId, entry]));
const kept = (filter: ReviewFilter) => samples.filter((entry) => sampleMatches(filter, entry, index)).map((entry) => entry.sampleId);

describe('review filters', () => {
  it('keeps the failed calls, the failing samples, or the answers failing one check', () => {
    expect(kept({ kind: 'failed' })).toEqual(['a3']);
    // A failed call fails every check, so it is a failing sample; an undecided one is not.
    expect(kept({ kind: 'failing' })).toEqual(['a2', 'a3']);
    // Failing one check means a wrong answer: failed calls are the "failed calls" filter's.
    expect(kept({ kind: 'check', check: 'prompt#1' })).toEqual(['a2']);
    expect(kept({ kind: 'check', check: 'prompt#2' })).toEqual([]);
  });

  it('keeps every sample of a flaky cell, and only the cells that hold what it keeps', () => {
    expect(kept({ kind: 'flaky' })).toEqual(['a1', 'a2', 'a3']);
    const cellA = { model: 'a', temperature: 0, case: 'c', sampleIds: ['a1', 'a2', 'a3'] };
    const cellB = { model: 'b', temperature: 0, case: 'c', sampleIds: ['b1', 'b2', 'b3'] };
    const sampleOf = (id: string) => byId.get(id);
    expect(cellMatches({ kind: 'flaky' }, cellA, sampleOf, index)).toBe(true);
    expect(cellMatches({ kind: 'flaky' }, cellB, sampleOf, index)).toBe(false);
    expect(cellMatches({ kind: 'failing' }, cellB, sampleOf, index)).toBe(false);
    expect(cellMatches({ kind: 'check', check: 'prompt#1' }, cellA, sampleOf, index)).toBe(true);
  });

  it('counts what each filter keeps, and falls back to the whole run when the asked one keeps nothing', () => {
    const counts = filterCounts(samples, index);
    expect(counts).toMatchObject({ failed: 1, failing: 2, flaky: 1 });
    expect([...counts.byCheck]).toEqual([
      ['prompt#1', 1],
      ['prompt#2', 0],
    ]);
    expect(effectiveFilter({ kind: 'check', check: 'prompt#1' }, counts)).toEqual({ kind: 'check', check: 'prompt#1' });
    // The check was edited away, or nothing fails it any more: the grid is not left empty.
    expect(effectiveFilter({ kind: 'check', check: 'prompt#2' }, counts)).toBeNull();
    expect(effectiveFilter({ kind: 'check', check: 'case:gone#1' }, counts)).toBeNull();
    expect(effectiveFilter(null, counts)).toBeNull();
    // Failed calls are the filter's own `failed`, never a verdict dropped for keeping nothing.
    expect(effectiveFilter({ kind: 'failed' }, counts)).toBeNull();
    expect(withChecksChoice(NO_FILTER, { kind: 'failed' })).toEqual({ ...NO_FILTER, failed: true });
    expect(checksChoice({ ...NO_FILTER, failed: true }, filterCounts(samples, NO_CHECKS))).toEqual({ kind: 'failed' });
    expect(effectiveFilter({ kind: 'failing' }, filterCounts(samples, NO_CHECKS))).toBeNull();
    // Choosing a verdict keeps the rest of the filter and replaces the failed calls; "All samples" clears both.
    const searched = { ...NO_FILTER, text: 'paris', failed: true };
    expect(withChecksChoice(searched, { kind: 'check', check: 'prompt#1' })).toEqual({ ...NO_FILTER, text: 'paris', check: 'check:prompt#1' });
    expect(withChecksChoice({ ...searched, check: 'flaky' }, null)).toEqual({ ...NO_FILTER, text: 'paris' });
    expect(checksChoice({ ...NO_FILTER, check: 'check:prompt#1', failed: true }, counts)).toEqual({ kind: 'check', check: 'prompt#1' });
  });

  it('indexes nothing for a prompt without checks (no pass rates, no failing answers)', () => {
    expect(indexChecks({ ...data, checks: [] })).toBe(NO_CHECKS);
    expect(indexChecks(undefined)).toBe(NO_CHECKS);
  });

  it('turns a filter into a select value and back', () => {
    const filters: (ReviewFilter | null)[] = [null, { kind: 'failed' }, { kind: 'failing' }, { kind: 'flaky' }, { kind: 'disagrees' }, { kind: 'check', check: 'case:a: b#2' }];
    for (const filter of filters) expect(parseFilterValue(filterValue(filter))).toEqual(filter);
    expect(parseFilterValue('check:')).toBeNull();
    expect(parseFilterValue('nonsense')).toBeNull();
  });

  it('keeps the samples where a rubric’s judge and a person disagree, over every rubric', () => {
    const rubric = (check: string, disagreements: RubricCalibration['disagreements']): RubricCalibration => ({
      check, label: check, n: 4, agreement: 0.5, kappa: 0, low: -0.9, high: 0.9, note: null,
      table: { passGood: 1, passBad: 1, failGood: 1, failBad: 1 }, leftOut: 0, disagreements,
    });
    const calibration: JudgeCalibration = {
      runId: 'r',
      thresholds: { good: 4, bad: 2 },
      rubrics: [
        rubric('prompt#3', [{ sampleId: 'a1', judgePassed: true, rating: 1 }]),
        rubric('case:c#1', [{ sampleId: 'b2', judgePassed: false, rating: 5 }, { sampleId: 'a1', judgePassed: false, rating: 5 }]),
      ],
    };
    const judged = withCalibration(index, calibration);
    expect(samples.filter((entry) => sampleMatches({ kind: 'disagrees' }, entry, judged)).map((entry) => entry.sampleId)).toEqual(['a1', 'b2']);
    const counts = filterCounts(samples, judged);
    expect(counts.disagrees).toBe(2);
    expect(effectiveFilter({ kind: 'disagrees' }, counts)).toEqual({ kind: 'disagrees' });
    // The other filters are untouched by it.
    expect(counts).toMatchObject({ failed: 1, failing: 2, flaky: 1 });
    // No disagreement yet (or no rubric, or no checks at all): the filter keeps nothing and falls back.
    expect(kept({ kind: 'disagrees' })).toEqual([]);
    expect(withCalibration(index, { ...calibration, rubrics: [] }).disagreements).toBeNull();
    expect(withCalibration(NO_CHECKS, calibration)).toBe(NO_CHECKS);
    expect(effectiveFilter({ kind: 'disagrees' }, filterCounts(samples, withCalibration(index, { ...calibration, rubrics: [rubric('prompt#3', [])] })))).toBeNull();
  });
});
