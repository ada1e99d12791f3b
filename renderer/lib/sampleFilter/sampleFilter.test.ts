import { describe, expect, it } from 'vitest';
import type { SampleRating } from '../../../shared/ratings';
import type { Sample } from '../../../shared/runs';
import { filterFromQuery, filterQuery } from './filterParams';
import { clusterPlaces, keptSampleFinder, keptSampleIds, narrows, searchTextOf, type SampleFacts } from './sampleMatcher';
import { isFiltering, NO_FILTER, readsRatings, toggled, type SampleFilter } from './sampleFilter';
import { searchTerms } from './searchTerms';

const sample = (sampleId: string, model: string, temperature: number, output: string | null, status: Sample['status'] = 'ok'): Sample =>
  ({ sampleId, runId: 'r', model, temperature, case: sampleId.startsWith('j') ? 'Japan' : 'France', index: 0, status, output, error: status === 'error' ? { code: 'rate_limit', message: 'Rate limit reached', status: 429 } : null }) as Sample;

const samples = [
  sample('f1', 'a', 0, 'The capital is Paris.'),
  sample('f2', 'a', 0, 'Paris, of course'),
  sample('f3', 'b', 0.7, 'PARIS is the capital of France'),
  sample('f4', 'b', 0.7, null, 'error'),
  sample('j1', 'a', 0.7, 'Tokyo is the capital city'),
  sample('j2', 'b', 0, 'It is Kyoto, historically'),
];
const rating = (sampleId: string, value: SampleRating['rating'], note: string | null = null): SampleRating => ({ sampleId, rating: value, note, updatedAt: null });
const ratings = new Map([
  ['f1', rating('f1', 5)],
  ['f2', rating('f2', 2, 'too curt')],
  ['j1', rating('j1', null, '  ')],
]);
// France at T=0 by model a: f1 and f2 together; the rest alone in their cells but j2 beside a cluster of 3.
const places = clusterPlaces([
  { clusters: [{ sampleIds: ['f1', 'f2'], size: 2 }] },
  { clusters: [{ sampleIds: ['f3'], size: 1 }] },
  { clusters: [{ sampleIds: ['j1'], size: 1 }] },
  { clusters: [{ sampleIds: ['x1', 'x2', 'x3'], size: 3 }, { sampleIds: ['j2'], size: 1 }] },
]);
const facts: SampleFacts = { ratingOf: (id) => ratings.get(id), clusterOf: (id) => places.get(id), checkKeeps: null };
const kept = (filter: Partial<SampleFilter>, with_: SampleFacts = facts) => {
  const ids = keptSampleIds(samples, { ...NO_FILTER, ...filter }, with_);
  return ids === null ? null : [...ids];
};

describe('search terms', () => {
  it('splits words, keeps quoted phrases whole, ignores case, and takes an open quote to the end', () => {
    expect(searchTerms('  Paris  "capital OF"  x ')).toEqual(['paris', 'capital of', 'x']);
    expect(searchTerms('"the capital')).toEqual(['the capital']);
    expect(searchTerms('"" ')).toEqual([]);
  });
});

describe('sample filter', () => {
  it('keeps the whole run (null) when nothing is asked', () => {
    expect(kept({})).toBeNull();
    expect(kept({ text: '   ' })).toBeNull();
    expect(isFiltering(NO_FILTER)).toBe(false);
  });

  it('searches outputs case-insensitively, every term and phrase, and failed calls by their message', () => {
    expect(kept({ text: 'paris' })).toEqual(['f1', 'f2', 'f3']);
    expect(kept({ text: 'Paris capital' })).toEqual(['f1', 'f3']);
    expect(kept({ text: '"capital of"' })).toEqual(['f3']);
    expect(kept({ text: '"of capital"' })).toEqual([]);
    expect(kept({ text: 'rate limit' })).toEqual(['f4']);
    expect(searchTextOf(samples[2] as Sample)).toBe('paris is the capital of france');
  });

  it('keeps any of the chosen ratings, "unrated" counting only answers', () => {
    expect(kept({ ratings: ['unrated'] })).toEqual(['f3', 'j1', 'j2']);
    expect(kept({ ratings: [5, 2] })).toEqual(['f1', 'f2']);
    expect(kept({ ratings: [4] })).toEqual([]);
  });

  it('keeps samples with a note, not a blank one', () => {
    expect(kept({ note: true })).toEqual(['f2']);
  });

  it('keeps failed calls, and filters by model, temperature and case', () => {
    expect(kept({ failed: true })).toEqual(['f4']);
    expect(kept({ models: ['b'] })).toEqual(['f3', 'f4', 'j2']);
    expect(kept({ temperatures: [0.7], cases: ['France'] })).toEqual(['f3', 'f4']);
  });

  it('keeps small clusters or minority answers; failed calls are in no cluster', () => {
    expect(kept({ cluster: 1 })).toEqual(['f3', 'j1', 'j2']);
    expect(kept({ cluster: 2 })).toEqual(['f1', 'f2', 'f3', 'j1', 'j2']);
    expect(kept({ cluster: 'minority' })).toEqual(['j2']);
  });

  it('combines everything with AND', () => {
    expect(kept({ text: 'paris', models: ['a'], ratings: [2] })).toEqual(['f2']);
    expect(kept({ text: 'capital', ratings: ['unrated'], cluster: 1, models: ['a'] })).toEqual(['j1']);
    expect(kept({ text: 'paris', failed: true })).toEqual([]);
  });

  it('leaves the check verdict to the caller’s test, ignoring it without one', () => {
    expect(kept({ check: 'failing' })).toBeNull();
    expect(kept({ check: 'failing' }, { ...facts, checkKeeps: (entry) => entry.model === 'a' })).toEqual(['f1', 'f2', 'j1']);
  });

  it('knows when a rating keypress changes what it keeps', () => {
    expect(readsRatings({ ...NO_FILTER, text: 'x', models: ['a'] })).toBe(false);
    expect(readsRatings({ ...NO_FILTER, note: true })).toBe(true);
    expect(readsRatings({ ...NO_FILTER, ratings: ['unrated'] })).toBe(true);
    expect(toggled([1, 2], 2)).toEqual([1]);
    expect(toggled([1], 3)).toEqual([1, 3]);
  });
});

describe('narrowing as the search is typed', () => {
  it('knows when a filter keeps only what the last one kept', () => {
    const searched = { ...NO_FILTER, text: 'Par', models: ['a'] };
    expect(narrows(searched, { ...searched, text: 'paris' })).toBe(true);
    expect(narrows(searched, { ...searched, text: 'paris "the cap' })).toBe(true);
    expect(narrows(searched, { ...searched, text: 'Pa' })).toBe(false);
    expect(narrows(searched, { ...searched, text: 'Paris', models: ['a', 'b'] })).toBe(false);
    expect(narrows(searched, { ...searched, text: 'Paris', note: true })).toBe(false);
  });

  it('gives the same answers as a fresh search, letter by letter and back', () => {
    const find = keptSampleFinder(samples, facts);
    for (const text of ['c', 'ca', 'cap', 'capi', 'capital', 'capital o', 'capital of', 'capital', 'c', '', 'p', 'pa', 'paris "of', 'paris "of c']) {
      const filter = { ...NO_FILTER, text, models: ['a', 'b'] };
      expect([...(find(filter) ?? [])]).toEqual([...(keptSampleIds(samples, filter, facts) ?? [])]);
    }
    expect(find(NO_FILTER)).toBeNull();
  });
});

describe('filter in a link', () => {
  it('round-trips every filter, names with commas and spaces too', () => {
    const filter: SampleFilter = { text: 'the "capital of" ü&=', ratings: ['unrated', 4], note: true, failed: true, models: ['openai/gpt-4o', 'a,b'], temperatures: [0, 0.7], cases: ['South Africa (three, capitals)'], cluster: 'minority', check: 'check:case:a b#2' };
    expect(filterFromQuery(filterQuery(filter))).toEqual(filter);
    expect(filterFromQuery(filterQuery({ ...NO_FILTER, cluster: 3 }))).toEqual({ ...NO_FILTER, cluster: 3 });
  });

  it('writes nothing for no filter, and drops what a link gets wrong', () => {
    expect(filterQuery(NO_FILTER)).toBe('');
    expect(filterFromQuery('')).toBe(NO_FILTER);
    expect(filterFromQuery('rating=9,unrated,x&temp=a,,1&cluster=0&note=yes&model=&model=gpt&check=')).toEqual({ ...NO_FILTER, ratings: ['unrated'], temperatures: [1], models: ['gpt'] });
  });
});
