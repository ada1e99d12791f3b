// Which samples a filter keeps. Built for runs of tens of thousands of samples: each output is
// lowercased once (cached by sample object, so a live run's new batches cost only their own), and a
// filter becomes one predicate that tests the cheap conditions before the text.
import type { SampleRating } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import { filterQuery } from './filterParams';
import { searchTerms } from './searchTerms';
import { isFiltering, type SampleFilter } from './sampleFilter';

/** A sample's cluster: its size, and the size of the largest cluster in its cell. */
export interface ClusterPlace {
  size: number;
  largest: number;
}

/** What the filter needs to know beyond the samples themselves. */
export interface SampleFacts {
  ratingOf(sampleId: string): SampleRating | undefined;
  /** undefined for a sample in no cluster (a failed call, or metrics not computed yet). */
  clusterOf(sampleId: string): ClusterPlace | undefined;
  /** The check verdict's test, when the filter names one the caller knows; null ignores it. */
  checkKeeps: ((sample: Sample) => boolean) | null;
}

const lowered = new WeakMap<Sample, string>();

/** The text a search looks in: the output, or for a failed call its error message. */
export function searchTextOf(sample: Sample): string {
  let text = lowered.get(sample);
  if (text === undefined) {
    text = (sample.output ?? sample.error?.message ?? '').toLowerCase();
    lowered.set(sample, text);
  }
  return text;
}

/** Each clustered sample's place, from cells' clusters (shared/variance), built once per metrics. */
export function clusterPlaces(cells: readonly { clusters: readonly { sampleIds: readonly string[]; size: number }[] }[]): Map<string, ClusterPlace> {
  const places = new Map<string, ClusterPlace>();
  for (const cell of cells) {
    let largest = 0;
    for (const cluster of cell.clusters) largest = Math.max(largest, cluster.size);
    for (const cluster of cell.clusters) {
      const place = { size: cluster.size, largest };
      for (const id of cluster.sampleIds) places.set(id, place);
    }
  }
  return places;
}

/** The filter as one test of a sample; null when it keeps everything. */
export function sampleMatcher(filter: SampleFilter, facts: SampleFacts): ((sample: Sample) => boolean) | null {
  if (!isFiltering(filter)) return null;
  const tests: ((sample: Sample) => boolean)[] = [];
  if (filter.failed) tests.push((sample) => sample.status === 'error');
  if (filter.models.length > 0) {
    const models = new Set(filter.models);
    tests.push((sample) => models.has(sample.model));
  }
  if (filter.temperatures.length > 0) {
    const temperatures = new Set(filter.temperatures);
    tests.push((sample) => temperatures.has(sample.temperature));
  }
  if (filter.cases.length > 0) {
    const cases = new Set(filter.cases);
    tests.push((sample) => cases.has(sample.case));
  }
  if (filter.ratings.length > 0) {
    const ratings = new Set<string>(filter.ratings.map(String));
    // Only answers are rated: a failed call is not "unrated".
    tests.push((sample) => sample.status === 'ok' && ratings.has(String(facts.ratingOf(sample.sampleId)?.rating ?? 'unrated')));
  }
  if (filter.note) tests.push((sample) => (facts.ratingOf(sample.sampleId)?.note ?? '').trim() !== '');
  const { cluster } = filter;
  if (cluster !== null) {
    tests.push((sample) => {
      const place = facts.clusterOf(sample.sampleId);
      if (!place) return false;
      return cluster === 'minority' ? place.size < place.largest : place.size <= cluster;
    });
  }
  if (filter.check !== null && facts.checkKeeps) tests.push(facts.checkKeeps);
  const terms = searchTerms(filter.text);
  if (terms.length > 0) {
    tests.push((sample) => {
      const text = searchTextOf(sample);
      return terms.every((term) => text.includes(term));
    });
  }
  if (tests.length === 0) return null;
  return (sample) => tests.every((test) => test(sample));
}

/** The ids of the samples the filter keeps; null when it keeps the whole run. */
export function keptSampleIds(samples: readonly Sample[], filter: SampleFilter, facts: SampleFacts): Set<string> | null {
  const matches = sampleMatcher(filter, facts);
  if (!matches) return null;
  const kept = new Set<string>();
  for (const sample of samples) if (matches(sample)) kept.add(sample.sampleId);
  return kept;
}

/**
 * Whether `next` keeps only samples `previous` keeps: the same choices, the search typed further
 * (every term before is still in it, or grew; a phrase grows as one term).
 */
export function narrows(previous: SampleFilter, next: SampleFilter): boolean {
  return next.text.toLowerCase().startsWith(previous.text.toLowerCase()) && filterQuery({ ...previous, text: '' }) === filterQuery({ ...next, text: '' });
}

/**
 * keptSampleIds for one run and one set of facts, remembering its last answer: a filter that only
 * narrows the last one (a letter more in the search) tests only the samples that one kept.
 */
export function keptSampleFinder(samples: readonly Sample[], facts: SampleFacts): (filter: SampleFilter) => Set<string> | null {
  let last: { filter: SampleFilter; kept: Sample[] } | null = null;
  return (filter) => {
    const matches = sampleMatcher(filter, facts);
    if (!matches) {
      last = null;
      return null;
    }
    const pool = last && narrows(last.filter, filter) ? last.kept : samples;
    const kept: Sample[] = [];
    for (const sample of pool) if (matches(sample)) kept.push(sample);
    last = { filter, kept };
    return new Set(kept.map((sample) => sample.sampleId));
  };
}
