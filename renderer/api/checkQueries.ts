// Checks: a run's verdicts and pass rates, and one sample's verdicts. Both are read under the
// prompt's key (queryKeys.ts), so editing a check in the prompt's files refetches them with no new
// run; the run's figures are also asked again as its samples finish.
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import type { RunChecks, SampleVerdicts } from '../../shared/checks/runChecks';
import type { RunSummary } from '../../shared/runs';
import { useDebouncedValue } from '../components/useDebouncedValue';
import { client } from './client';
import { queryKeys } from './queryKeys';

/** Samples finish in batches of dozens a second: the checks are asked again once they pause. */
const SETTLE_MS = 400;

/** The run under its prompt's current checks; the last answer stays on screen while the next loads. */
export function useRunChecks(summary: RunSummary) {
  // What changes when samples finish or are retried: the counts, and the status at the end.
  const finished = useDebouncedValue(`${summary.ok}:${summary.errors}:${summary.status}`, SETTLE_MS);
  return useQuery<RunChecks>({
    queryKey: queryKeys.runChecks(summary.prompt, summary.runId, finished),
    queryFn: () => client.runChecks({ runId: summary.runId, passN: 5 }),
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
