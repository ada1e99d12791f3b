// Pushed run events against a real query cache, with a hand-driven event source instead of a socket.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { WorkbenchClient } from '../../shared/api';
import type { RunDetail, RunOverview, RunProgress, RunSummary, Sample } from '../../shared/runs';
import { queryKeys } from './queryKeys';
import { makeOk, makeRun, makeSample, makeSummary } from '../../test/support/runFixtures';
import { subscribeToRunEvents } from './runEvents';

type Listener = (payload: unknown) => void;

function setup() {
  const queryClient = new QueryClient();
  // Several modules listen to one event (ratingsChanged: the ratings, judge calibration, the Runs page).
  const all = new Map<string, Set<Listener>>();
  const on = ((event: string, listener: Listener) => {
    const set = all.get(event) ?? new Set<Listener>();
    all.set(event, set.add(listener));
    return () => set.delete(listener);
  }) as WorkbenchClient['on'];
  const listeners = { get: (event: string) => (payload: unknown) => all.get(event)?.forEach((listener) => listener(payload)) };
  const unsubscribe = subscribeToRunEvents(queryClient, on);
  const emit = {
    samples: (runId: string, samples: Sample[]) => listeners.get('runSamples')?.({ runId, samples }),
    progress: (progress: Partial<RunProgress>) =>
      listeners.get('runProgress')?.({ runId: 'r1', status: 'running', total: 2, done: 0, ok: 0, errors: 0, rate: 0, etaMs: null, stopReason: null, ...progress }),
    runsChanged: (runs: RunSummary[], deleted: string[] = []) => listeners.get('runsChanged')?.({ runs, deleted }),
    ratingsChanged: () => listeners.get('ratingsChanged')?.({ runId: 'r1', kind: 'rating', ratings: [], kept: 0, undoable: 0 }),
  };
  return { queryClient, emit, unsubscribe };
}

/** Whether the query was marked stale (watched queries then refetch). */
function invalidated(queryClient: QueryClient, key: readonly unknown[]): boolean {
  return queryClient.getQueryState(key)?.isInvalidated ?? false;
}

describe('run events into the cache', () => {
  it('merges a batch of samples into the cached run without refetching it', () => {
    const { queryClient, emit } = setup();
    const run = makeRun([makeSample({ sampleId: 'a' }), makeSample({ sampleId: 'b', index: 1 })]);
    queryClient.setQueryData(queryKeys.run('r1'), run);
    emit.samples('r1', [makeOk({ sampleId: 'b', index: 1 })]);
    const cached = queryClient.getQueryData<RunDetail>(queryKeys.run('r1'));
    expect(cached?.samples[1]?.status).toBe('ok');
    expect(cached?.samples[0]).toBe(run.samples[0]);
    expect(invalidated(queryClient, queryKeys.run('r1'))).toBe(false);
  });

  it('ignores samples of a run nobody has open', () => {
    const { queryClient, emit } = setup();
    emit.samples('r9', [makeOk({ runId: 'r9' })]);
    expect(queryClient.getQueryData(queryKeys.run('r9'))).toBeUndefined();
  });

  it('keeps the latest tick and updates the run and the lists that show it', () => {
    const { queryClient, emit } = setup();
    queryClient.setQueryData(queryKeys.run('r1'), makeRun([makeSample(), makeSample({ sampleId: 's2' })]));
    queryClient.setQueryData<RunSummary[]>(queryKeys.runs('capital-city'), [makeSummary({ total: 2 }), makeSummary({ runId: 'r2' })]);
    emit.progress({ done: 1, ok: 1, rate: 4, etaMs: 250 });
    expect(queryClient.getQueryData(queryKeys.runProgress('r1'))).toMatchObject({ rate: 4, etaMs: 250 });
    expect(queryClient.getQueryData<RunDetail>(queryKeys.run('r1'))?.summary.ok).toBe(1);
    const list = queryClient.getQueryData<RunSummary[]>(queryKeys.runs('capital-city'));
    expect(list?.map((summary) => summary.ok)).toEqual([1, 0]);
    // Same status as before: nothing to refetch.
    expect(invalidated(queryClient, queryKeys.run('r1'))).toBe(false);
  });

  it('refetches the run and the lists when the status changes', () => {
    const { queryClient, emit } = setup();
    queryClient.setQueryData(queryKeys.run('r1'), makeRun([makeSample()]));
    queryClient.setQueryData<RunSummary[]>(queryKeys.runs('capital-city'), [makeSummary()]);
    emit.progress({ status: 'cancelled', stopReason: 'Cancelled.' });
    expect(queryClient.getQueryData<RunDetail>(queryKeys.run('r1'))?.summary).toMatchObject({ status: 'cancelled', stopReason: 'Cancelled.' });
    expect(invalidated(queryClient, queryKeys.run('r1'))).toBe(true);
    expect(invalidated(queryClient, queryKeys.runs('capital-city'))).toBe(true);
  });

  it('takes runs changed elsewhere into the run and the lists, refetching only what moved', () => {
    const { queryClient, emit } = setup();
    queryClient.setQueryData(queryKeys.run('r1'), makeRun([makeSample()], { status: 'done' }));
    queryClient.setQueryData<RunSummary[]>(queryKeys.runs('capital-city'), [makeSummary({ status: 'running' }), makeSummary({ runId: 'r2' })]);
    // A run going on in another process: its counts, in place.
    emit.runsChanged([makeSummary({ runId: 'r2', status: 'running', ok: 5 })]);
    expect(queryClient.getQueryData<RunSummary[]>(queryKeys.runs('capital-city'))?.[1]?.ok).toBe(5);
    expect(invalidated(queryClient, queryKeys.runs('capital-city'))).toBe(false);
    // Linked to a commit by an approval: the header says so, and lists by commit are asked again.
    emit.runsChanged([makeSummary({ status: 'done', commit: 'abc1234' })]);
    expect(queryClient.getQueryData<RunDetail>(queryKeys.run('r1'))?.summary.commit).toBe('abc1234');
    expect(invalidated(queryClient, queryKeys.run('r1'))).toBe(false);
    expect(invalidated(queryClient, queryKeys.runs('capital-city'))).toBe(true);
    // A run started by a terminal, not in any list yet.
    queryClient.setQueryData<RunSummary[]>(queryKeys.runs('summarize'), []);
    emit.runsChanged([makeSummary({ runId: 'r9', prompt: 'summarize' })]);
    expect(invalidated(queryClient, queryKeys.runs('summarize'))).toBe(true);
  });

  it('drops deleted runs from every list, and puts a label or pin into the Runs page without refetching it', () => {
    const { queryClient, emit } = setup();
    queryClient.setQueryData<RunSummary[]>(queryKeys.runs('capital-city'), [makeSummary(), makeSummary({ runId: 'r2' })]);
    queryClient.setQueryData<RunOverview[]>(queryKeys.runsOverview, [
      { run: makeSummary(), rated: 0, meanRating: null },
      { run: makeSummary({ runId: 'r2' }), rated: 1, meanRating: 4 },
    ]);
    emit.runsChanged([makeSummary({ label: 'baseline', pinnedAt: '2026-01-01T00:00:00.000Z' })]);
    expect(queryClient.getQueryData<RunOverview[]>(queryKeys.runsOverview)?.[0]?.run.label).toBe('baseline');
    expect(invalidated(queryClient, queryKeys.runsOverview)).toBe(false);
    emit.runsChanged([], ['r2']);
    expect(queryClient.getQueryData<RunSummary[]>(queryKeys.runs('capital-city'))?.map((run) => run.runId)).toEqual(['r1']);
    expect(queryClient.getQueryData<RunOverview[]>(queryKeys.runsOverview)?.map((entry) => entry.run.runId)).toEqual(['r1']);
    // Ratings move the page's coverage and means: it is asked again.
    emit.ratingsChanged();
    expect(invalidated(queryClient, queryKeys.runsOverview)).toBe(true);
  });

  it('stops listening when unsubscribed', () => {
    const { queryClient, emit, unsubscribe } = setup();
    queryClient.setQueryData(queryKeys.run('r1'), makeRun([makeSample()]));
    for (const stop of unsubscribe) stop();
    emit.samples('r1', [makeOk()]);
    expect(queryClient.getQueryData<RunDetail>(queryKeys.run('r1'))?.samples[0]?.status).toBe('pending');
  });
});
