// The check verdicts the grid can narrow down to, and j/k with it: the failed calls (RunFailures'
// "Show failed only"), the samples failing any check or one named check, the flaky cells, or the
// samples where a rubric's judge and a person's rating disagree. One verdict at a time (ChecksBar's
// choice), combined with the rest of the run's filter (lib/sampleFilter) by AND. A verdict that
// keeps nothing (its check was edited away, the failures retried) is dropped, not shown as empty:
// the files changed under the person, not their choice.
import { cellKeyOf, type CellKey } from '../../../shared/cellStats';
import type { JudgeCalibration } from '../../../shared/checks/judging';
import type { CellPassRate, RunChecks, SampleChecks } from '../../../shared/checks/runChecks';
import type { Sample } from '../../../shared/runs';
import type { SampleFilter } from '../../lib/sampleFilter/sampleFilter';

export type ReviewFilter =
  /** Samples whose call failed (no answer). */
  | { kind: 'failed' }
  /** Samples that fail any check (a failed call fails them all). */
  | { kind: 'failing' }
  /** Answers that fail this check (its id); failed calls, which fail every check, are the 'failed' filter's. */
  | { kind: 'check'; check: string }
  /** Every sample of the cells whose pass rate is neither always nor never. */
  | { kind: 'flaky' }
  /** Samples a rubric's judge passed that a person rated bad, or failed that a person rated good. */
  | { kind: 'disagrees' };

/** The run's checks, indexed for the grid: each sample's outcome when it did not pass, each cell's pass rate. */
export interface CheckIndex {
  checks: RunChecks['checks'];
  /** Samples that failed a check or are undecided; finished samples absent here passed. */
  outcomes: ReadonlyMap<string, SampleChecks>;
  cells: ReadonlyMap<string, CellPassRate>;
  /** Samples where a judge and a person disagree (any rubric); null when the prompt has no rubric check. */
  disagreements: ReadonlySet<string> | null;
}

export const NO_CHECKS: CheckIndex = { checks: [], outcomes: new Map(), cells: new Map(), disagreements: null };

/** A prompt without checks has nothing to show: every answer "passes" no check, so no cell gets a rate. */
export function indexChecks(data: RunChecks | undefined): CheckIndex {
  if (!data || data.checks.length === 0) return NO_CHECKS;
  return {
    checks: data.checks,
    outcomes: new Map(data.samples.map((outcome) => [outcome.sampleId, outcome])),
    cells: new Map(data.cells.map((cell) => [cellKeyOf(cell), cell])),
    disagreements: null,
  };
}

/** The index with the run's judge calibration, for the 'disagrees' filter (kept only while it is this run's). */
export function withCalibration(index: CheckIndex, calibration: JudgeCalibration | undefined): CheckIndex {
  if (index === NO_CHECKS || !calibration || calibration.rubrics.length === 0) return index;
  const disagreements = new Set(calibration.rubrics.flatMap((rubric) => rubric.disagreements.map((entry) => entry.sampleId)));
  return { ...index, disagreements };
}

/** The filter as one string, for a <select>'s value and back: '', 'failed', 'failing', 'flaky', 'disagrees', 'check:<id>'. */
export function filterValue(filter: ReviewFilter | null): string {
  if (!filter) return '';
  return filter.kind === 'check' ? `check:${filter.check}` : filter.kind;
}

export function parseFilterValue(value: string): ReviewFilter | null {
  if (value === 'failed' || value === 'failing' || value === 'flaky' || value === 'disagrees') return { kind: value };
  if (value.startsWith('check:') && value.length > 'check:'.length) return { kind: 'check', check: value.slice('check:'.length) };
  return null;
}

/** Whether j/k stop at this sample under the filter (flaky is a filter of cells: all their samples). */
export function sampleMatches(filter: ReviewFilter, sample: Sample | undefined, index: CheckIndex): boolean {
  if (!sample) return false;
  switch (filter.kind) {
    case 'failed':
      return sample.status === 'error';
    case 'failing':
      return index.outcomes.get(sample.sampleId)?.passed === false;
    case 'check': {
      const outcome = index.outcomes.get(sample.sampleId);
      return outcome !== undefined && !outcome.callFailed && outcome.failed.some((failure) => failure.check === filter.check);
    }
    case 'flaky':
      return index.cells.get(cellKeyOf(sample))?.label === 'flaky';
    case 'disagrees':
      return index.disagreements?.has(sample.sampleId) ?? false;
  }
}

/** Whether a cell stays in the grid: it holds a sample the filter keeps. */
export function cellMatches(filter: ReviewFilter, cell: CellKey & { sampleIds: readonly string[] }, sampleOf: (id: string) => Sample | undefined, index: CheckIndex): boolean {
  if (filter.kind === 'flaky') return index.cells.get(cellKeyOf(cell))?.label === 'flaky';
  return cell.sampleIds.some((id) => sampleMatches(filter, sampleOf(id), index));
}

/** How many samples each filter keeps (flaky: how many cells), to label and disable the choices. */
export function filterCounts(samples: readonly Sample[], index: CheckIndex): { failed: number; failing: number; flaky: number; disagrees: number; byCheck: ReadonlyMap<string, number> } {
  let failed = 0;
  let disagrees = 0;
  let failing = 0;
  const byCheck = new Map<string, number>(index.checks.map((check) => [check.id, 0]));
  for (const sample of samples) {
    if (sample.status === 'error') failed++;
    if (index.disagreements?.has(sample.sampleId)) disagrees++;
    const outcome = index.outcomes.get(sample.sampleId);
    if (outcome?.passed !== false) continue;
    failing++;
    if (outcome.callFailed) continue;
    for (const failure of outcome.failed) byCheck.set(failure.check, (byCheck.get(failure.check) ?? 0) + 1);
  }
  let flaky = 0;
  for (const cell of index.cells.values()) if (cell.label === 'flaky') flaky++;
  return { failed, failing, flaky, disagrees, byCheck };
}

export type FilterCounts = ReturnType<typeof filterCounts>;

/** How many the filter keeps: samples, or cells for flaky. */
export function countOf(filter: ReviewFilter, counts: FilterCounts): number {
  if (filter.kind === 'check') return counts.byCheck.get(filter.check) ?? 0;
  return counts[filter.kind];
}

/** The check verdict a run's filter names (its `check`); failed calls are the filter's own `failed`. */
export function verdictOf(filter: SampleFilter): ReviewFilter | null {
  const verdict = filter.check === null ? null : parseFilterValue(filter.check);
  return verdict?.kind === 'failed' ? null : verdict;
}

/** The verdict in force: the one asked for, unless it keeps nothing (its check was removed, the failures retried). */
export function effectiveVerdict(filter: SampleFilter, counts: FilterCounts): ReviewFilter | null {
  const asked = verdictOf(filter);
  return asked && countOf(asked, counts) > 0 ? asked : null;
}

/** ChecksBar's one choice within the filter: its verdict, else the failed calls when those are asked. */
export function checksChoice(filter: SampleFilter, counts: FilterCounts): ReviewFilter | null {
  return effectiveVerdict(filter, counts) ?? (filter.failed ? { kind: 'failed' } : null);
}

/** The filter with ChecksBar's choice in place of the last (the rest of the filter stays). */
export function withChecksChoice(filter: SampleFilter, choice: ReviewFilter | null): SampleFilter {
  return { ...filter, failed: choice?.kind === 'failed', check: choice && choice.kind !== 'failed' ? filterValue(choice) : null };
}
