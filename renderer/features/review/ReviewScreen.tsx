import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, type ReactNode } from 'react';
import { cellKeyOf } from '../../../shared/cellStats';
import type { SampleRating } from '../../../shared/ratings';
import type { RunDetail } from '../../../shared/runs';
import { useRunChecks } from '../../api/checkQueries';
import { useJudgeCalibration } from '../../api/judgeQueries';
import { useEmbeddingSimilarity } from '../../api/ratingQueries';
import { navigate, replaceRoute, reviewRoute, useRouteQuery, type ReviewTab } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SampleFilterBar } from '../../components/sampleFilter/SampleFilterBar';
import { filterFromQuery, filterQuery } from '../../lib/sampleFilter/filterParams';
import { NO_FILTER, type SampleFilter } from '../../lib/sampleFilter/sampleFilter';
import { Skeleton } from '../../components/Skeleton';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { BlindQueue } from './BlindQueue';
import { ChecksBar } from './checks/ChecksBar';
import { JudgeAgreement } from './checks/JudgeAgreement';
import { ExpandedCell } from './ExpandedCell';
import { FocusPanel } from './FocusPanel';
import { GridControls } from './GridControls';
import { withRatings } from './ratingFigures';
import { ReviewGrid } from './ReviewGrid';
import { ReviewHeader } from './ReviewHeader';
import { indexChecks, withCalibration, withChecksChoice, type ReviewFilter } from './reviewFilter';
import { resolveFocus } from './reviewReducer';
import { getReviewState, reviewActions, useBlind, useFilter, useReviewState } from './reviewStore';
import { RunFailures } from './RunFailures';
import { ReviewToolbar } from './ReviewToolbar';
import { StatusLine } from './StatusLine';
import { useGridViewKeys } from './useGridViewKeys';
import { useReviewCommands } from './useReviewCommands';
import { useReviewKeyboard } from './useReviewKeyboard';
import { useReviewMetrics } from './useReviewMetrics';
import { useReviewModel } from './useReviewModel';
import './review.css';

// Charts and comparisons bring their own libraries (recharts): loaded when first opened, so the
// grid, which must be interactive within a second, does not wait for them.
const RunCharts = lazy(() => import('./charts/RunCharts').then((module) => ({ default: module.RunCharts })));
const CompareRuns = lazy(() => import('./compare/CompareRuns').then((module) => ({ default: module.CompareRuns })));

/** What other features add to a run's review; the page (renderer/pages/ReviewPage.tsx) makes them. */
export interface ReviewParts {
  /** The header's buttons: the run's controls, running it again, its report, approving it. */
  headerActions: ReactNode;
  /** Under the header: why the run stopped, and its progress while it runs. */
  runState: ReactNode;
  /** The run dialog that "Run again…" opens. */
  runDialog: ReactNode;
}

interface ReviewScreenProps {
  detail: RunDetail;
  tab: ReviewTab;
  otherRunId: string | null;
  parts: ReviewParts;
}

/** One run under review: where it stands, how to look at it, and the samples to read and rate. */
export function ReviewScreen({ detail, tab, otherRunId, parts }: ReviewScreenProps) {
  const { summary } = detail;
  const runId = summary.runId;
  const blind = useBlind(runId);
  const filterAsked = useFilter(runId);
  useFilterInLink(runId, tab, otherRunId, filterAsked);
  const threshold = useReviewState((state) => state.threshold);
  const similarity = useReviewState((state) => state.similarity);
  const rows = useReviewState((state) => state.rows);
  const remembered = useReviewState((state) => state.focused[runId] ?? null);
  const shown = useReviewState((state) => state.shown);
  const expanded = useReviewState((state) => state.expanded);
  const density = useReviewState((state) => state.density);

  // The slider moves in small steps; the embedding is asked once it rests.
  const embeddingThreshold = useDebouncedValue(threshold, 300);
  const embedding = useEmbeddingSimilarity(runId, similarity, embeddingThreshold, summary.ok);
  const usable = similarity !== null && embedding.data?.model === similarity ? embedding.data : null;
  const metrics = useReviewMetrics(detail, threshold, usable, rows);
  // The run's ratings, with those given a moment ago that the cache has not passed on yet.
  const ratings = useMemo(() => withShown(metrics.ratings, shown), [metrics.ratings, shown]);
  // The run under its prompt's checks as the files hold them now; kept only while it is this run's.
  const checksQuery = useRunChecks(summary);
  const runChecks = checksQuery.data?.runId === runId ? checksQuery.data : undefined;
  // How far each rubric's judge agrees with people's ratings, and where they disagree (a filter).
  const rubrics = runChecks?.rubrics ?? [];
  const calibrationQuery = useJudgeCalibration(summary.prompt, runId, rubrics.length > 0);
  const calibration = rubrics.length > 0 && calibrationQuery.data?.runId === runId ? calibrationQuery.data : undefined;
  const undecided = rubrics.reduce((sum, rubric) => sum + rubric.undecided, 0);
  const checks = useMemo(() => withCalibration(indexChecks(runChecks), calibration), [runChecks, calibration]);
  const hasChecks = checks.checks.length > 0;
  const failsCheck = useCallback((id: string) => checks.outcomes.get(id)?.passed === false, [checks]);
  const model = useReviewModel(detail, metrics.cells, ratings, rows, blind, filterAsked, checks);
  const { order, placeOf, samples, canRate } = model;

  const isRated = useCallback((id: string) => (ratings.get(id)?.rating ?? null) !== null, [ratings]);
  const clusterOf = useCallback((id: string) => placeOf(id)?.cluster?.sampleIds ?? [id], [placeOf]);
  const focusedId = resolveFocus(order, remembered, isRated, canRate);
  // Blind, the queue is the only view: charts and comparisons would name models and temperatures.
  const view = blind ? 'grid' : tab;
  const run = useReviewCommands({ runId, order, canRate, clusterOf, isRated, ratings, blind });
  useReviewKeyboard(run, view === 'grid');
  const focusedCell = focusedId ? placeOf(focusedId)?.cell : undefined;
  useGridViewKeys(focusedCell ? cellKeyOf(focusedCell) : null, view === 'grid' && !blind);

  const focus = useCallback((sampleId: string) => reviewActions.focus(runId, sampleId), [runId]);
  const setFilter = useCallback((filter: SampleFilter) => reviewActions.setFilter(runId, filter), [runId]);
  // Read from the store when called, so these stay the same while the filter changes (RunFailures is memoised).
  const setChecksChoice = useCallback((choice: ReviewFilter | null) => setFilter(withChecksChoice(getReviewState().filters[runId] ?? NO_FILTER, choice)), [setFilter, runId]);
  const showFailedOnly = useCallback((on: boolean) => setFilter({ ...(getReviewState().filters[runId] ?? NO_FILTER), failed: on }), [setFilter, runId]);
  const clearFilters = useCallback(() => setFilter(NO_FILTER), [setFilter]);
  const axes = useMemo(() => ({ models: summary.models, temperatures: summary.temperatures, cases: summary.cases }), [summary.models, summary.temperatures, summary.cases]);
  const nothingKept = model.kept !== null && model.kept.size === 0;
  const ratedCells = useMemo(() => (view === 'charts' ? metrics.cells.map((cell) => withRatings(cell, ratings)) : []), [view, metrics.cells, ratings]);
  const focused = focusedId ? samples.get(focusedId) : undefined;

  return (
    // data-ready: the grid (or queue) is drawn and takes keys; the benchmark and the tests wait for it.
    <div className={`review review--${view}${blind ? ' review--blind' : ''}`} data-ready="true" data-blind={blind}>
      <ReviewHeader summary={summary} blind={blind} actions={parts.headerActions} />
      {parts.runState}
      <ReviewToolbar runId={runId} tab={view} blind={blind} rated={model.rated} rateable={model.rateable} query={filterQuery(filterAsked)}
        checks={view === 'grid' && !blind ? <ChecksBar prompt={summary.prompt} data={runChecks} filter={model.filter} counts={model.filterCounts} onFilter={setChecksChoice} /> : null}
        onToggleBlind={() => run({ type: 'toggleBlind' })}
      />
      {view === 'grid' && !blind && <SampleFilterBar filter={filterAsked} axes={axes} kept={model.kept?.size ?? null} total={detail.samples.length} onChange={setFilter} />}
      {view === 'grid' && !blind && (
        <GridControls
          rows={rows}
          density={density}
          threshold={threshold}
          similarity={similarity}
          embeddingError={similarity !== null && embedding.isError ? embedding.error : null}
          busy={metrics.stale || (similarity !== null && embedding.isFetching)}
        />
      )}
      {/* Blind, a failure's message would name its model; failed samples are left out of the queue. */}
      {view === 'grid' && !blind && <JudgeAgreement runId={runId} calibration={calibration} undecided={undecided} running={summary.status === 'running'} />}
      {view === 'grid' && !blind && <RunFailures samples={detail.samples} failedOnly={filterAsked.failed} onFailedOnly={showFailedOnly} onFocus={focus} />}
      {view === 'grid' && (
        <div className="review__body">
          {blind ? (
            <BlindQueue order={order} samples={samples} ratings={ratings} focusedId={focusedId} onFocus={focus} />
          ) : nothingKept ? (
            <div className="review__none-kept">
              <EmptyState
                title="No samples match"
                actions={
                  <Button onClick={clearFilters}>Clear filters</Button>
                }
              >
                None of this run’s {detail.samples.length.toLocaleString('en')} samples matches the search and filters together.
              </EmptyState>
            </div>
          ) : (
            <>
            <ReviewGrid
              layout={model.layout}
              failuresOf={model.failuresOf}
              passRates={checks.cells}
              failsCheck={failsCheck}
              samples={samples}
              ratings={ratings}
              placeOf={placeOf}
              focusedId={focusedId}
              onFocus={focus}
              hasSchema={detail.output !== null}
              running={summary.status === 'running'}
            />
            {expanded && focusedCell && (
              <ExpandedCell cell={focusedCell} failures={model.failuresOf(focusedCell)} samples={samples} ratings={ratings} failsCheck={failsCheck} focusedId={focusedId} onFocus={focus} />
            )}
            </>
          )}
          {/* Nothing kept: the empty state takes the panel's place too (it would say the run has no answers). */}
          {!nothingKept && (
            <FocusPanel
              runId={runId}
              prompt={summary.prompt}
              hasChecks={hasChecks}
              sample={focused}
              samples={samples}
              rating={focusedId ? (ratings.get(focusedId) ?? null) : null}
              place={focusedId ? placeOf(focusedId) : undefined}
              position={focusedId ? order.indexOf(focusedId) : -1}
              total={order.length}
              blind={blind}
              onCommand={run}
              running={summary.status === 'running'}
            />
          )}
        </div>
      )}
      {view !== 'grid' && (
        <div className="review__page">
          <Suspense fallback={<Skeleton width="100%" height={320} />}>
            {view === 'charts' && <RunCharts detail={detail} metrics={ratedCells} checks={runChecks} />}
            {view === 'compare' && <CompareRuns runId={runId} otherRunId={otherRunId} onPickOther={(other) => navigate(reviewRoute(runId, 'compare', other))} />}
          </Suspense>
        </div>
      )}
      {view === 'grid' && <StatusLine runId={runId} />}
      {parts.runDialog}
    </div>
  );
}

/**
 * The run's filter and its link kept the same: a link opened (or changed from outside) sets the
 * filter before the grid is painted; the filter, once changes rest, is written back into the
 * address without a history entry, so the back button still leaves the run in one step.
 */
function useFilterInLink(runId: string, tab: ReviewTab, otherRunId: string | null, filter: SampleFilter): void {
  const query = useRouteQuery();
  const linked = filterQuery(filterFromQuery(query));
  useLayoutEffect(() => {
    const stored = getReviewState().filters[runId] ?? NO_FILTER;
    if (filterQuery(stored) !== linked) reviewActions.setFilter(runId, filterFromQuery(linked));
  }, [runId, linked]);
  const wanted = filterQuery(filter);
  useEffect(() => {
    if (wanted === linked) return;
    // Typing writes once it rests, not once per key.
    const timer = setTimeout(() => replaceRoute(reviewRoute(runId, tab, otherRunId, wanted)), 250);
    return () => clearTimeout(timer);
  }, [wanted, linked, runId, tab, otherRunId]);
}

function withShown(ratings: ReadonlyMap<string, SampleRating>, shown: Readonly<Record<string, SampleRating>>): ReadonlyMap<string, SampleRating> {
  const entries = Object.values(shown);
  if (entries.length === 0) return ratings;
  const merged = new Map(ratings);
  for (const entry of entries) merged.set(entry.sampleId, entry);
  return merged;
}
