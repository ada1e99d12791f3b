import type { KeyboardEvent, ReactNode } from 'react';
import { REVIEW_TABS, hrefFor, navigate, reviewRoute, type ReviewTab } from '../../app/router';
import { ActivityIcon, ColumnsIcon, EyeIcon, RowsIcon } from '../../components/icons';
import { Kbd } from '../../components/Kbd';
import { tabAfterKey } from '../../components/tabKeys';
import { formatCount } from '../../lib/runFormat';
import './reviewToolbar.css';

const TABS: Record<ReviewTab, { label: string; icon: ReactNode }> = {
  grid: { label: 'Grid', icon: <RowsIcon size={13} /> },
  charts: { label: 'Charts', icon: <ActivityIcon size={13} /> },
  compare: { label: 'Compare', icon: <ColumnsIcon size={13} /> },
};

interface ReviewToolbarProps {
  runId: string;
  tab: ReviewTab;
  blind: boolean;
  rated: number;
  rateable: number;
  /** The run's filters as a link's query, carried from view to view. */
  query?: string;
  /** The run's pass rate and filter under its prompt's checks (grid only). */
  checks?: ReactNode;
  onToggleBlind(): void;
}

/** The review's views, how far the rating has come, and blind mode. */
export function ReviewToolbar({ runId, tab, blind, rated, rateable, query = '', checks, onToggleBlind }: ReviewToolbarProps) {
  // Blind, only the queue is open: the other views name models and temperatures.
  const tabs = blind ? (['grid'] as const) : REVIEW_TABS;
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = tabAfterKey<ReviewTab>(tabs, tab, event.key);
    if (!next) return;
    event.preventDefault();
    navigate(reviewRoute(runId, next, null, query));
    requestAnimationFrame(() => document.getElementById(`review-tab-${next}`)?.focus());
  }
  const share = rateable > 0 ? rated / rateable : 0;

  return (
    <div className="review-toolbar">
      <div className="review-tabs" role="tablist" aria-label="Review views" onKeyDown={onKeyDown}>
        {tabs.map((id) => (
          <a
            key={id}
            id={`review-tab-${id}`}
            role="tab"
            className="view-tab"
            href={hrefFor(reviewRoute(runId, id, null, query))}
            aria-selected={id === tab}
            tabIndex={id === tab ? 0 : -1}
          >
            {TABS[id].icon}
            {blind ? 'Rating queue' : TABS[id].label}
          </a>
        ))}
      </div>
      <div className="review-toolbar__end">
        {checks}
        <div className="rated-count" title="Samples with a rating, of those that can be rated (the ones that finished)">
          <span className="rated-count__text" data-rated={rated}>
            <strong>{formatCount(rated)}</strong>/{formatCount(rateable)} rated
          </span>
          <span className="rated-count__bar" aria-hidden="true">
            <span className="rated-count__fill" style={{ width: `${share * 100}%` }} />
          </span>
        </div>
        <button
          type="button"
          className={`blind-toggle${blind ? ' is-on' : ''}`}
          aria-pressed={blind}
          onClick={onToggleBlind}
          title={blind ? 'Show models, temperatures and seeds again' : 'Hide models, temperatures and seeds, and shuffle the samples'}
        >
          <EyeIcon size={13} />
          Blind
          <Kbd>b</Kbd>
        </button>
      </div>
    </div>
  );
}
