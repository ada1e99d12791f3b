// What a person narrows a run's samples down to: a text search over the outputs and filters by
// rating, note, failed call, model, temperature, case, cluster size and check verdict, all combined
// with AND. Pure data, so the review grid, Compare and the deep link (filterParams.ts) share it.

/** A rating filter's choices: no rating yet, or one of the scores. */
export type RatingChoice = 'unrated' | 1 | 2 | 3 | 4 | 5;
export const RATING_CHOICES: readonly RatingChoice[] = ['unrated', 1, 2, 3, 4, 5];

/** Answers in clusters of at most N members (1: singletons), or smaller than their cell's largest cluster. */
export type ClusterChoice = number | 'minority';

export interface SampleFilter {
  /** Words and "quoted phrases" that must all appear in the output (case-insensitive). */
  text: string;
  /** Any of these ratings (empty: any rating). */
  ratings: readonly RatingChoice[];
  /** Only samples with a note. */
  note: boolean;
  /** Only samples whose call failed. */
  failed: boolean;
  /** Any of these (empty: all). */
  models: readonly string[];
  temperatures: readonly number[];
  cases: readonly string[];
  cluster: ClusterChoice | null;
  /**
   * A check verdict, as the review names it ('failing', 'flaky', 'disagrees', 'check:<id>'); what it
   * keeps is the caller's to say, since it depends on the run's checks.
   */
  check: string | null;
}

export const NO_FILTER: SampleFilter = { text: '', ratings: [], note: false, failed: false, models: [], temperatures: [], cases: [], cluster: null, check: null };

/** Whether the filter keeps anything less than the whole run. */
export function isFiltering(filter: SampleFilter): boolean {
  return (
    filter.text.trim() !== '' ||
    filter.ratings.length > 0 ||
    filter.note ||
    filter.failed ||
    filter.models.length > 0 ||
    filter.temperatures.length > 0 ||
    filter.cases.length > 0 ||
    filter.cluster !== null ||
    filter.check !== null
  );
}

/** Whether what the filter keeps depends on ratings and notes (so a rating keypress must re-filter). */
export function readsRatings(filter: SampleFilter): boolean {
  return filter.ratings.length > 0 || filter.note;
}

/** The list with the value added, or taken out when it was there (a multi-select's click). */
export function toggled<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((entry) => entry !== value) : [...values, value];
}
