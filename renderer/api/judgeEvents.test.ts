// Judging and rating events against a real query cache: which cached queries go stale.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { WorkbenchClient } from '../../shared/api';
import type { JudgeProgress } from '../../shared/checks/judging';
import type { RatingChange } from '../../shared/ratings';
import { subscribeToJudgeEvents } from './judgeEvents';
import { queryKeys } from './queryKeys';

function setup() {
  const queryClient = new QueryClient();
  const listeners = new Map<string, (payload: unknown) => void>();
  const on = ((event: string, handler: (payload: unknown) => void) => {
    listeners.set(event, handler);
    return () => listeners.delete(event);
  }) as unknown as WorkbenchClient['on'];
  subscribeToJudgeEvents(queryClient, on);
  const keys = {
    calibration: queryKeys.judgeCalibration('p', 'r1'),
    otherCalibration: queryKeys.judgeCalibration('p', 'r2'),
    checks: queryKeys.runChecks('p', 'r1', '6:0:done'),
    otherChecks: queryKeys.runChecks('p', 'r2', '6:0:done'),
  };
  for (const key of Object.values(keys)) queryClient.setQueryData(key, {});
  const stale = () => Object.entries(keys).filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated).map(([name]) => name);
  const rating = (kind: RatingChange['kind']) => listeners.get('ratingsChanged')?.({ runId: 'r1', kind, ratings: [], undoable: 0, kept: 0 } satisfies RatingChange);
  const progress = (finished: boolean) => listeners.get('judgeProgress')?.({ runId: 'r1', done: 2, total: 6, calls: 2, finished, failures: [] } satisfies JudgeProgress);
  return { queryClient, stale, rating, progress };
}

describe('judge events into the cache', () => {
  it('asks the run’s calibration again when its ratings change, but not for a note', () => {
    const { stale, rating } = setup();
    rating('note');
    expect(stale()).toEqual([]);
    rating('rating');
    expect(stale()).toEqual(['calibration']);
  });

  it('keeps judging progress, and at its end asks the run’s calibration and checks again', () => {
    const { queryClient, stale, progress } = setup();
    progress(false);
    expect(queryClient.getQueryData(queryKeys.judgeProgress('r1'))).toMatchObject({ done: 2, total: 6, finished: false });
    expect(stale()).toEqual([]);
    progress(true);
    expect(stale()).toEqual(['calibration', 'checks']);
  });
});
