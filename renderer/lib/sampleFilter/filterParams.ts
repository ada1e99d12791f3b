// The filter in a deep link's query (`#/runs/<id>?q=tokyo&rating=unrated,4&model=a&model=b`), and
// back. Ratings and temperatures are comma-separated; models and cases repeat their parameter (a
// name may hold a comma). Anything a link gets wrong is dropped rather than refused: an old or
// hand-edited link still opens the run.
import { NO_FILTER, RATING_CHOICES, type ClusterChoice, type RatingChoice, type SampleFilter } from './sampleFilter';

export function filterToParams(filter: SampleFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.text.trim() !== '') params.set('q', filter.text);
  if (filter.ratings.length > 0) params.set('rating', filter.ratings.join(','));
  if (filter.note) params.set('note', '1');
  if (filter.failed) params.set('failed', '1');
  for (const model of filter.models) params.append('model', model);
  if (filter.temperatures.length > 0) params.set('temp', filter.temperatures.join(','));
  for (const name of filter.cases) params.append('case', name);
  if (filter.cluster !== null) params.set('cluster', String(filter.cluster));
  if (filter.check !== null) params.set('check', filter.check);
  return params;
}

export function filterFromParams(params: URLSearchParams): SampleFilter {
  return {
    text: params.get('q') ?? '',
    ratings: split(params.get('rating')).flatMap(ratingChoice),
    note: params.get('note') === '1',
    failed: params.get('failed') === '1',
    models: params.getAll('model').filter((name) => name !== ''),
    temperatures: split(params.get('temp')).flatMap((value) => (value !== '' && Number.isFinite(Number(value)) ? [Number(value)] : [])),
    cases: params.getAll('case').filter((name) => name !== ''),
    cluster: clusterChoice(params.get('cluster')),
    check: params.get('check') || null,
  };
}

/** The filter as the query of a link: '' when it keeps the whole run. */
export function filterQuery(filter: SampleFilter): string {
  return filterToParams(filter).toString();
}

export function filterFromQuery(query: string): SampleFilter {
  return query === '' ? NO_FILTER : filterFromParams(new URLSearchParams(query));
}

function split(value: string | null): string[] {
  return value ? value.split(',') : [];
}

function ratingChoice(value: string): RatingChoice[] {
  const choice = RATING_CHOICES.find((known) => String(known) === value);
  return choice === undefined ? [] : [choice];
}

function clusterChoice(value: string | null): ClusterChoice | null {
  if (value === 'minority') return value;
  const size = Number(value);
  return value && Number.isInteger(size) && size >= 1 ? size : null;
}
