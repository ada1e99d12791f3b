import { memo, useEffect, useRef } from 'react';
import { formatCount } from '../../lib/runFormat';
import { filterQuery } from '../../lib/sampleFilter/filterParams';
import { NO_FILTER, RATING_CHOICES, toggled, type ClusterChoice, type SampleFilter } from '../../lib/sampleFilter/sampleFilter';
import { CloseIcon, SearchIcon } from '../icons';
import { hasCommandModifier, isTypingTarget } from '../keyboard';
import { Kbd } from '../Kbd';
import { MultiPick } from './MultiPick';
import './sampleFilterBar.css';

export interface FilterAxes {
  models: readonly string[];
  temperatures: readonly number[];
  cases: readonly string[];
}

interface SampleFilterBarProps {
  filter: SampleFilter;
  axes: FilterAxes;
  /** How many samples the filter keeps, or null when it keeps the whole run. */
  kept: number | null;
  total: number;
  onChange(filter: SampleFilter): void;
}

const CLUSTERS: { value: string; label: string }[] = [
  { value: '', label: 'Any cluster' },
  { value: '1', label: 'Singletons' },
  { value: '2', label: 'Clusters of ≤ 2' },
  { value: '3', label: 'Clusters of ≤ 3' },
  { value: '5', label: 'Clusters of ≤ 5' },
  { value: 'minority', label: 'Minority answers' },
];

/**
 * Search and filters over a run's samples (lib/sampleFilter): `/` focuses the search, Esc clears it
 * (again: leaves it), Enter leaves it keeping the search. Memoised: a rating does not redraw it.
 */
export const SampleFilterBar = memo(function SampleFilterBar({ filter, axes, kept, total, onChange }: SampleFilterBarProps) {
  const input = useRef<HTMLInputElement>(null);

  // `/` from anywhere on the page, before the prompt list's own `/` (which yields to a handled key).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '/' || event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const set = (change: Partial<SampleFilter>) => onChange({ ...filter, ...change });
  const filtering = kept !== null;
  return (
    // data-filter: the filter this bar, and the grid drawn with it, show (the benchmark waits for it).
    <div className="sample-filter" role="search" aria-label="Search and filter samples" data-filter={filterQuery(filter)}>
      <div className="sample-filter__search">
        <SearchIcon size={14} className="sample-filter__icon" />
        <input
          ref={input}
          className="sample-filter__input"
          type="text"
          role="searchbox"
          aria-label="Search outputs"
          aria-keyshortcuts="/"
          placeholder="Search outputs"
          title={'Every word must appear in the output, in any case; "in quotes" keeps a phrase whole'}
          spellCheck={false}
          autoComplete="off"
          value={filter.text}
          onChange={(event) => set({ text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              if (filter.text) set({ text: '' });
              else event.currentTarget.blur();
            } else if (event.key === 'Enter') {
              event.preventDefault();
              event.currentTarget.blur();
            }
          }}
        />
        {filter.text ? (
          <button type="button" className="sample-filter__clear-text" aria-label="Clear search" title="Clear search (Esc)" onClick={() => { set({ text: '' }); input.current?.focus(); }}>
            <CloseIcon size={12} />
          </button>
        ) : (
          <span className="sample-filter__hint" aria-hidden="true">
            <Kbd>/</Kbd>
          </span>
        )}
      </div>
      <div className="segmented sample-filter__ratings" role="group" aria-label="Rating">
        {RATING_CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            aria-pressed={filter.ratings.includes(choice)}
            title={choice === 'unrated' ? 'Answers without a rating' : `Rated ${choice}`}
            onClick={() => set({ ratings: toggled(filter.ratings, choice) })}
          >
            {choice === 'unrated' ? 'Unrated' : choice}
          </button>
        ))}
      </div>
      <button type="button" className={`filter-chip${filter.note ? ' is-on' : ''}`} aria-pressed={filter.note} title="Samples with a note" onClick={() => set({ note: !filter.note })}>
        Has note
      </button>
      <button type="button" className={`filter-chip${filter.failed ? ' is-on' : ''}`} aria-pressed={filter.failed} title="Samples whose call failed" onClick={() => set({ failed: !filter.failed })}>
        Failed
      </button>
      {axes.models.length > 1 && <MultiPick label="Model" choices={axes.models} picked={filter.models} onChange={(models) => set({ models })} />}
      {axes.temperatures.length > 1 && <MultiPick label="Temperature" choices={axes.temperatures} picked={filter.temperatures} text={(value) => `T ${value}`} onChange={(temperatures) => set({ temperatures })} />}
      {axes.cases.length > 1 && <MultiPick label="Case" choices={axes.cases} picked={filter.cases} onChange={(cases) => set({ cases })} />}
      <select
        className={`sample-filter__select${filter.cluster !== null ? ' is-on' : ''}`}
        aria-label="Cluster size"
        title="Answers in small clusters, or smaller than their cell's largest: the unusual ones"
        value={filter.cluster === null ? '' : String(filter.cluster)}
        onChange={(event) => set({ cluster: clusterChoice(event.target.value) })}
      >
        {CLUSTERS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <span className="sample-filter__count" aria-live="polite" data-kept={kept ?? total}>
        {filtering ? (
          <>
            <strong>{formatCount(kept)}</strong> of {formatCount(total)} samples
          </>
        ) : (
          `${formatCount(total)} samples`
        )}
      </span>
      {filtering && (
        <button type="button" className="sample-filter__clear" onClick={() => onChange(NO_FILTER)}>
          <CloseIcon size={12} />
          Clear filters
        </button>
      )}
    </div>
  );
});

function clusterChoice(value: string): ClusterChoice | null {
  if (value === '') return null;
  return value === 'minority' ? value : Number(value);
}
