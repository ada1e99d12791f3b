// Checks: a run's verdicts and pass rates, and one sample's verdicts. Both are read under the
// prompt's key (queryKeys.ts), so editing a check in the prompt's files refetches them with no new
// run; the run's figures are also asked again as its samples finish.
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import type { RunChecks, SampleVerdicts } from '../../shared/checks/runChecks';
import type { RunSummary } from '../../shared/runs';
import { useThrottledValue } from '../components/useThrottledValue';
import { client } from './client';
import { queryKeys } from './queryKeys';

/** Samples finish by the dozen a second: a live run's checks are asked again at most this often. */
const REFRESH_MS = 1500;

/** The run under its prompt's current checks; the last answer stays on screen while the next loads. */
export function useRunChecks(summary: RunSummary) {
  // What changes when samples finish or are retried: the counts, and the status at the end.
  const finished = useThrottledValue(`${summary.ok}:${summary.errors}:${summary.status}`, REFRESH_MS);
  return useQuery<RunChecks>({
    queryKey: queryKeys.runChecks(summary.prompt, summary.runId, finished),
    queryFn: () => client.runChecks({ runId: summary.runId, passN: 5 }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * The run's overall pass rate, for a row of the Runs page: asked only once `enabled` (the row is on
 * screen), since it evaluates the run's checks where their verdicts are not stored yet. The same
 * query as the review's, so a run seen in one is not checked again in the other.
 */
export function useRunPassRate(summary: RunSummary, enabled: boolean) {
  const finished = useThrottledValue(`${summary.ok}:${summary.errors}:${summary.status}`, REFRESH_MS);
  return useQuery<RunChecks, Error, { checks: number; overall: RunChecks['overall'] }>({
    queryKey: queryKeys.runChecks(summary.prompt, summary.runId, finished),
    queryFn: enabled ? () => client.runChecks({ runId: summary.runId, passN: 5 }) : skipToken,
    select: (checks) => ({ checks: checks.checks.length, overall: checks.overall }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}

/** Every applicable check's verdict on one sample (null: no sample, or the run's prompt has no checks). */
export function useSampleChecks(prompt: string, sampleId: string | null, finishedAt: string | null, enabled: boolean) {
  return useQuery<SampleVerdicts>({
    queryKey: queryKeys.sampleChecks(prompt, sampleId ?? '', finishedAt),
    queryFn: sampleId && enabled ? () => client.sampleChecks({ sampleId }) : skipToken,
    staleTime: Infinity,
    retry: false,
  });
}
